namespace ContentStudio.Core.Review;

/// <summary>What the authorisation rules need to know about a variant: who generated it (the run's user), who has
/// edited it, and whether generation flagged it (needs attention), which a plain approval may not wave through.</summary>
public sealed record VariantReviewFacts(string? GeneratedBy, IReadOnlyCollection<string> EditedBy, string? BlockedReason = null)
{
    public static VariantReviewFacts None { get; } = new(null, []);
    public bool IsAuthor(StudioUser user) =>
        Same(GeneratedBy, user.Id) || EditedBy.Any(e => Same(e, user.Id));

    // Ignoring case denies more, never less: "Ana@x.com" and "ana@x.com" are the same person.
    private static bool Same(string? a, string b) => a is not null && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}

public sealed record AuthorizationDecision(bool Allowed, string? Reason)
{
    public static AuthorizationDecision Allow { get; } = new(true, null);
    public static AuthorizationDecision Deny(string reason) => new(false, reason);
}

/// <summary>Who may do which review action, and the separation-of-duties rule: nobody approves copy they generated
/// or edited. An admin may approve only through <see cref="ReviewAction.OverrideApprove"/> with a written
/// justification (which the service audits). Roles add up: a person with two roles may do what either allows.</summary>
public static class ReviewAuthorization
{
    public const int MinimumJustificationLength = 10;

    private static readonly IReadOnlyDictionary<ReviewAction, string[]> Roles = new Dictionary<ReviewAction, string[]>
    {
        [ReviewAction.Submit] = [StudioRoles.Marketer, StudioRoles.BrandManager, StudioRoles.Admin],
        [ReviewAction.Edit] = [StudioRoles.Marketer, StudioRoles.BrandManager],
        [ReviewAction.Approve] = [StudioRoles.BrandManager],
        [ReviewAction.OverrideApprove] = [StudioRoles.BrandManager, StudioRoles.Admin],
        [ReviewAction.Reject] = [StudioRoles.BrandManager],
        [ReviewAction.RequestChanges] = [StudioRoles.BrandManager],
        [ReviewAction.Schedule] = [StudioRoles.BrandManager, StudioRoles.Admin],
        [ReviewAction.Publish] = [StudioRoles.BrandManager, StudioRoles.Admin],
    };

    public static IReadOnlyList<string> RolesFor(ReviewAction action) => Roles[action];

    public static AuthorizationDecision Check(StudioUser? user, ReviewAction action, VariantReviewFacts facts, string? justification = null)
    {
        if (user is null || !user.IsAuthenticated)
            return AuthorizationDecision.Deny($"Sign in to {Verb(action)} a variant.");
        var allowedRoles = Roles[action];
        if (!user.IsInAny(allowedRoles))
        {
            var hint = action is ReviewAction.Approve or ReviewAction.Reject or ReviewAction.RequestChanges && user.IsIn(StudioRoles.Admin)
                ? " An admin may approve only through an override with a written justification."
                : "";
            return AuthorizationDecision.Deny(
                $"{user.Id} may not {Verb(action)} a variant: that needs the role {string.Join(" or ", allowedRoles)}" +
                $" (has {(user.Roles.Count == 0 ? "no roles" : string.Join(", ", user.Roles.Order()))}).{hint}");
        }
        return action switch
        {
            ReviewAction.Approve when facts.IsAuthor(user) => AuthorizationDecision.Deny(
                $"{user.Id} may not approve a variant they {AuthorVerb(user, facts)}: someone else has to review it."),
            ReviewAction.Approve when facts.BlockedReason is not null => AuthorizationDecision.Deny(
                $"This variant was flagged ({facts.BlockedReason}); it can only be approved through an override with a written justification."),
            ReviewAction.OverrideApprove => CheckOverride(user, facts, justification),
            _ => AuthorizationDecision.Allow,
        };
    }

    /// <summary>Throws <see cref="ReviewAuthorizationException"/> with the reason when the action is not allowed.</summary>
    public static void Demand(StudioUser? user, ReviewAction action, VariantReviewFacts facts, string? justification = null)
    {
        var decision = Check(user, action, facts, justification);
        if (!decision.Allowed) throw new ReviewAuthorizationException(action, decision.Reason!);
    }

    private static AuthorizationDecision CheckOverride(StudioUser user, VariantReviewFacts facts, string? justification)
    {
        // Only an admin may override separation of duties; a brand manager's override is for flagged copy they
        // did not write.
        if (!user.IsIn(StudioRoles.Admin) && facts.IsAuthor(user))
            return AuthorizationDecision.Deny(
                $"{user.Id} may not approve a variant they {AuthorVerb(user, facts)}, not even by override: only an admin can override that.");
        if (string.IsNullOrWhiteSpace(justification) || justification.Trim().Length < MinimumJustificationLength)
            return AuthorizationDecision.Deny(
                $"An override needs a written justification of at least {MinimumJustificationLength} characters; it is kept in the audit log.");
        return AuthorizationDecision.Allow;
    }

    private static string AuthorVerb(StudioUser user, VariantReviewFacts facts) =>
        facts.GeneratedBy is { } g && string.Equals(g.Trim(), user.Id.Trim(), StringComparison.OrdinalIgnoreCase) ? "generated" : "edited";

    internal static string Verb(ReviewAction action) => action switch
    {
        ReviewAction.Submit => "submit",
        ReviewAction.Edit => "edit",
        ReviewAction.Approve => "approve",
        ReviewAction.OverrideApprove => "override-approve",
        ReviewAction.Reject => "reject",
        ReviewAction.RequestChanges => "request changes to",
        ReviewAction.Schedule => "schedule",
        ReviewAction.Publish => "publish",
        _ => action.ToString(),
    };
}
