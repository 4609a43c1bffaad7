using ContentStudio.Core.Review;

namespace ContentStudio.Core.Publishing;

/// <summary>Who may do what in publishing, enforced in Core so the web pages, the HTTP API and the CLI share one rule:
/// only an admin configures targets (they decide where content goes and which secrets are used); queueing follows the
/// review table's Publish / Schedule roles (brand manager or admin). A denial is a
/// <see cref="ReviewAuthorizationException"/>, the exception every review and publishing role check throws.</summary>
public static class PublishingAuthorization
{
    public static IReadOnlyList<string> TargetRoles { get; } = [StudioRoles.Admin];

    /// <summary>Throws unless <paramref name="user"/> is a signed-in admin. <paramref name="what"/> names the action
    /// ("add webhook target 'x'") for the message.</summary>
    public static void DemandTargetAdmin(StudioUser? user, string what)
    {
        if (user is { IsAuthenticated: true } u && u.IsInAny([.. TargetRoles])) return;
        var who = user is { IsAuthenticated: true } ? user.Id : "anonymous (not signed in)";
        var has = user is not { IsAuthenticated: true } ? "" :
            $" (has {(user.Roles.Count == 0 ? "no roles" : string.Join(", ", user.Roles.Order()))})";
        throw new ReviewAuthorizationException(ReviewAction.Publish,
            $"{who} may not {what}: that needs the role {string.Join(" or ", TargetRoles)}{has}.");
    }

    /// <summary>Queueing for now is <see cref="ReviewAction.Publish"/>, for later <see cref="ReviewAction.Schedule"/>;
    /// both are the review table's rules (<see cref="ReviewAuthorization"/>).</summary>
    public static void DemandQueue(StudioUser? user, bool scheduled) =>
        ReviewAuthorization.Demand(user, scheduled ? ReviewAction.Schedule : ReviewAction.Publish, VariantReviewFacts.None);
}
