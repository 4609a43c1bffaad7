namespace ContentStudio.Core.Kernel;

/// <summary>The one permission table and the one way to ask it. Core services call <c>Demand</c> before they change
/// anything; pages, the API's policies and the CLI call <c>Check</c> to offer only what would be allowed and to say
/// why not, but the services are the rule. Roles add up: a person with two roles may do what either allows.</summary>
public static class Access
{
    /// <summary>How long an override's written justification must be at least.</summary>
    public const int MinimumJustificationLength = 10;

    private const string M = StudioRoles.Marketer, B = StudioRoles.BrandManager, P = StudioRoles.PromptEngineer, A = StudioRoles.Admin;

    public static IReadOnlyList<string> RolesFor(StudioPermission permission) => permission switch
    {
        StudioPermission.SubmitVariant => [M, B, A],
        StudioPermission.EditVariant => [M, B],
        // An admin approves only through an override with a written justification (separation of duties).
        StudioPermission.ApproveVariant or StudioPermission.RejectVariant or StudioPermission.RequestChanges => [B],
        StudioPermission.OverrideApproval => [B, A],
        StudioPermission.ScheduleVariant or StudioPermission.PublishVariant or StudioPermission.PublishRun => [B, A],
        StudioPermission.WorkQueue => StudioRoles.All,
        StudioPermission.ReleaseAnyClaim => [B, A],
        StudioPermission.Generate => [M, B, A],
        StudioPermission.EditTemplates or StudioPermission.EvaluateTemplates or StudioPermission.ReleaseTemplates => [P, A],
        StudioPermission.ManageSegments or StudioPermission.ReadAudit or StudioPermission.ReadUsage => [B, A],
        StudioPermission.ManagePublishTargets or StudioPermission.ManageUsers => [A],
        // Results are facts from outside; whoever runs campaigns brings them in. Reading them is open to every role.
        StudioPermission.ImportResults or StudioPermission.DesignateControl => [M, B, A],
        StudioPermission.ReadInsights => StudioRoles.All,
        _ => throw new ArgumentOutOfRangeException(nameof(permission), permission, "unknown permission"),
    };

    /// <summary>The permission a review action needs.</summary>
    public static StudioPermission For(ReviewAction action) => action switch
    {
        ReviewAction.Submit => StudioPermission.SubmitVariant,
        ReviewAction.Edit => StudioPermission.EditVariant,
        ReviewAction.Approve => StudioPermission.ApproveVariant,
        ReviewAction.OverrideApprove => StudioPermission.OverrideApproval,
        ReviewAction.Reject => StudioPermission.RejectVariant,
        ReviewAction.RequestChanges => StudioPermission.RequestChanges,
        ReviewAction.Schedule => StudioPermission.ScheduleVariant,
        ReviewAction.Publish => StudioPermission.PublishVariant,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "unknown review action"),
    };

    /// <summary>Whether <paramref name="user"/>'s roles allow <paramref name="permission"/>; <paramref name="what"/> names
    /// the concrete action for the message ("disable publish target 7"), otherwise the permission's own verb.</summary>
    public static AccessDecision Check(StudioUser? user, StudioPermission permission, string? what = null)
    {
        what ??= Verb(permission);
        if (user is null || !user.IsAuthenticated) return AccessDecision.Deny($"Sign in to {what}.");
        var roles = RolesFor(permission);
        if (user.IsInAny(roles)) return AccessDecision.Allow;
        var has = user.Roles.Count == 0 ? "no roles" : string.Join(", ", user.Roles.Order(StringComparer.Ordinal));
        return AccessDecision.Deny($"{user.Id} may not {what}: that needs the role {Or(roles)} (has {has}).");
    }

    /// <summary>A review action on one variant: the role table, then the resource rules. Nobody approves copy they
    /// generated or edited; flagged copy is approved only by override; an admin may approve only through an override
    /// with a written justification (which the service audits).</summary>
    public static AccessDecision Check(StudioUser? user, ReviewAction action, VariantReviewFacts facts, string? justification = null) =>
        CheckReview(user, action, facts, justification, offering: false);

    /// <summary>Whether to offer <paramref name="action"/> to <paramref name="user"/> at all: every rule of
    /// <see cref="Check(StudioUser?, ReviewAction, VariantReviewFacts, string?)"/> but the override's justification,
    /// which the person writes before they click.</summary>
    public static AccessDecision Offer(StudioUser? user, ReviewAction action, VariantReviewFacts facts) =>
        CheckReview(user, action, facts, justification: null, offering: true);

    private static AccessDecision CheckReview(StudioUser? user, ReviewAction action, VariantReviewFacts facts, string? justification, bool offering)
    {
        var byRole = Check(user, For(action));
        if (!byRole.Allowed)
        {
            var adminHint = action is ReviewAction.Approve or ReviewAction.Reject or ReviewAction.RequestChanges && user?.IsAdmin == true
                ? " An admin may approve only through an override with a written justification."
                : "";
            return AccessDecision.Deny(byRole.Reason + adminHint);
        }
        return ReviewRules.Check(user!, action, facts, justification, offering);
    }

    public static void Demand(StudioUser? user, StudioPermission permission, string? what = null)
    {
        if (Check(user, permission, what) is { Allowed: false, Reason: var reason }) throw new AccessDeniedException(permission, reason!);
    }

    public static void Demand(StudioUser? user, ReviewAction action, VariantReviewFacts facts, string? justification = null)
    {
        if (Check(user, action, facts, justification) is { Allowed: false, Reason: var reason }) throw new AccessDeniedException(For(action), reason!);
    }

    /// <summary>True when the roles alone allow it: what pages use to decide whether to offer an action at all.</summary>
    public static bool Allows(StudioUser? user, StudioPermission permission) => Check(user, permission).Allowed;

    /// <summary>The permission as a verb phrase: "release or roll back prompt templates".</summary>
    public static string Verb(StudioPermission permission) => permission switch
    {
        StudioPermission.SubmitVariant => "submit a variant",
        StudioPermission.EditVariant => "edit a variant",
        StudioPermission.ApproveVariant => "approve a variant",
        StudioPermission.OverrideApproval => "override-approve a variant",
        StudioPermission.RejectVariant => "reject a variant",
        StudioPermission.RequestChanges => "request changes to a variant",
        StudioPermission.ScheduleVariant => "schedule a variant",
        StudioPermission.PublishVariant => "publish a variant",
        StudioPermission.WorkQueue => "claim, release or comment on variants",
        StudioPermission.ReleaseAnyClaim => "release a variant someone else has claimed",
        StudioPermission.Generate => "create campaigns and start or cancel generation runs",
        StudioPermission.EditTemplates => "save or import prompt template versions",
        StudioPermission.EvaluateTemplates => "evaluate prompt templates",
        StudioPermission.ReleaseTemplates => "release or roll back prompt templates",
        StudioPermission.PublishRun => "run the publishing dispatcher",
        StudioPermission.ManagePublishTargets => "add or change publish targets",
        StudioPermission.ReadAudit => "read the audit log",
        StudioPermission.ManageUsers => "add users or change roles",
        StudioPermission.ManageSegments => "import or edit audience segments",
        StudioPermission.ImportResults => "import performance results",
        StudioPermission.DesignateControl => "choose an experiment's control variant",
        StudioPermission.ReadInsights => "read experiments and insights",
        StudioPermission.ReadUsage => "read model usage and budgets",
        _ => permission.ToString(),
    };

    /// <summary>A review action as a verb phrase on "a variant".</summary>
    public static string VerbPhrase(ReviewAction action) => Verb(For(action));

    /// <summary>A review action as a bare verb ("request changes to").</summary>
    public static string BareVerb(ReviewAction action) => VerbPhrase(action)[..^" a variant".Length];

    private static string Or(IReadOnlyList<string> roles) =>
        roles.Count == 1 ? roles[0] : string.Join(", ", roles.Take(roles.Count - 1)) + " or " + roles[^1];
}

public sealed record AccessDecision(bool Allowed, string? Reason)
{
    public static AccessDecision Allow { get; } = new(true, null);
    public static AccessDecision Deny(string reason) => new(false, reason);
}
