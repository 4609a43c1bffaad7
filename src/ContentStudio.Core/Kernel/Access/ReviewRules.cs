namespace ContentStudio.Core.Kernel;

/// <summary>What the review rules need to know about a variant: who generated it (the run's user), who has edited it,
/// and whether generation or the checks flagged it, which a plain approval may not wave through.</summary>
public sealed record VariantReviewFacts(string? GeneratedBy, IReadOnlyCollection<string> EditedBy, string? BlockedReason = null)
{
    public static VariantReviewFacts None { get; } = new(null, []);

    public bool IsAuthor(StudioUser user) => Same(GeneratedBy, user.Id) || EditedBy.Any(e => Same(e, user.Id));

    public bool Generated(StudioUser user) => Same(GeneratedBy, user.Id);

    // Ignoring case denies more, never less: "Ana@x.com" and "ana@x.com" are the same person.
    private static bool Same(string? a, string b) => a is not null && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}

/// <summary>The resource rules of review, after the role table has allowed the action: separation of duties and
/// override justifications. Only <see cref="Access"/> calls this.</summary>
internal static class ReviewRules
{
    private const int MinimumJustificationLength = Access.MinimumJustificationLength;

    /// <param name="offering">Deciding whether to show the action: the justification is not written yet, so it is not judged.</param>
    public static AccessDecision Check(StudioUser user, ReviewAction action, VariantReviewFacts facts, string? justification, bool offering) => action switch
    {
        ReviewAction.Approve when facts.IsAuthor(user) => AccessDecision.Deny(
            $"{user.Id} may not approve a variant they {AuthorVerb(user, facts)}: someone else has to review it."),
        ReviewAction.Approve when facts.BlockedReason is not null => AccessDecision.Deny(
            $"This variant was flagged ({facts.BlockedReason}); it can only be approved through an override with a written justification."),
        ReviewAction.OverrideApprove => CheckOverride(user, facts, justification, offering),
        _ => AccessDecision.Allow,
    };

    private static AccessDecision CheckOverride(StudioUser user, VariantReviewFacts facts, string? justification, bool offering)
    {
        // Only an admin may override separation of duties; a brand manager's override is for flagged copy they did not write.
        if (!user.IsAdmin && facts.IsAuthor(user))
            return AccessDecision.Deny(
                $"{user.Id} may not approve a variant they {AuthorVerb(user, facts)}, not even by override: only an admin can override that.");
        if (!offering && (string.IsNullOrWhiteSpace(justification) || justification.Trim().Length < MinimumJustificationLength))
            return AccessDecision.Deny(
                $"An override needs a written justification of at least {MinimumJustificationLength} characters; it is kept in the audit log.");
        return AccessDecision.Allow;
    }

    private static string AuthorVerb(StudioUser user, VariantReviewFacts facts) => facts.Generated(user) ? "generated" : "edited";
}
