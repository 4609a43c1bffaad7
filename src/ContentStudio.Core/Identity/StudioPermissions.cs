using ContentStudio.Core.Review;

namespace ContentStudio.Core.Identity;

/// <summary>Actions outside the review queue that change data and need a role. Review decisions have their own,
/// resource-aware rules (ReviewAuthorization); these depend on the role alone.</summary>
public enum StudioPermission
{
    /// <summary>Create a campaign and start (or resume) its generation run.</summary>
    Generate,
    /// <summary>Save or import prompt template versions.</summary>
    EditTemplates,
    /// <summary>Run a template's evaluation set (stores the evaluation the release gate reads).</summary>
    EvaluateTemplates,
    /// <summary>Release a template version or roll back to an earlier one.</summary>
    ReleaseTemplates,
    /// <summary>Run the outbox dispatcher from the command line.</summary>
    PublishRun,
    /// <summary>Add users and change their roles.</summary>
    ManageUsers,
    /// <summary>Import or edit a brand's audience segments (their protected attributes drive the fairness checks).</summary>
    ManageSegments,
}

/// <summary>Refused because the user is anonymous or lacks every role that allows the action.
/// An UnauthorizedAccessException like UserAdmin's refusals, so one catch handles both.</summary>
public sealed class StudioAuthorizationException(StudioPermission permission, string message) : UnauthorizedAccessException(message)
{
    public StudioPermission Permission { get; } = permission;
}

/// <summary>Which roles may take which action. Core services call <see cref="Demand"/> before they change anything;
/// pages and the CLI may call <see cref="Check"/> first to show the reason early, but the services are the rule.</summary>
public static class StudioPermissions
{
    public static IReadOnlyList<string> RolesFor(StudioPermission permission) => permission switch
    {
        StudioPermission.Generate => [IdentityRoles.Marketer, IdentityRoles.BrandManager, IdentityRoles.Admin],
        StudioPermission.EditTemplates or StudioPermission.EvaluateTemplates or StudioPermission.ReleaseTemplates =>
            [IdentityRoles.PromptEngineer, IdentityRoles.Admin],
        StudioPermission.PublishRun => [IdentityRoles.BrandManager, IdentityRoles.Admin],
        StudioPermission.ManageUsers => [IdentityRoles.Admin],
        StudioPermission.ManageSegments => [IdentityRoles.BrandManager, IdentityRoles.Admin],
        _ => throw new ArgumentOutOfRangeException(nameof(permission), permission, "unknown permission"),
    };

    /// <summary>Null when <paramref name="user"/> may; otherwise why not, in words a person can act on.</summary>
    public static string? Check(StudioUser? user, StudioPermission permission)
    {
        var roles = RolesFor(permission);
        if (user is null || !user.IsAuthenticated) return $"Sign in to {Verb(permission)}.";
        if (roles.Any(user.IsIn)) return null;
        var has = user.Roles.Count == 0 ? "no role" : "only " + string.Join(", ", user.Roles.Order(StringComparer.Ordinal));
        return $"{user.Id} may not {Verb(permission)}: that needs the role {Or(roles)}, and {user.Id} has {has}.";
    }

    /// <summary>Throws <see cref="StudioAuthorizationException"/> when <see cref="Check"/> refuses.</summary>
    public static void Demand(StudioUser? user, StudioPermission permission)
    {
        if (Check(user, permission) is { } reason) throw new StudioAuthorizationException(permission, reason);
    }

    /// <summary>The action as a verb phrase: "release prompt templates".</summary>
    public static string Verb(StudioPermission permission) => permission switch
    {
        StudioPermission.Generate => "create campaigns and start or cancel generation runs",
        StudioPermission.EditTemplates => "save or import prompt template versions",
        StudioPermission.EvaluateTemplates => "evaluate prompt templates",
        StudioPermission.ReleaseTemplates => "release or roll back prompt templates",
        StudioPermission.PublishRun => "run the publishing dispatcher",
        StudioPermission.ManageUsers => "add users or change roles",
        StudioPermission.ManageSegments => "import or edit audience segments",
        _ => permission.ToString(),
    };

    private static string Or(IReadOnlyList<string> roles) =>
        roles.Count == 1 ? roles[0] : string.Join(", ", roles.Take(roles.Count - 1)) + " or " + roles[^1];
}
