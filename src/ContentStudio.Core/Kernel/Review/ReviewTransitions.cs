using System.Collections.Frozen;

namespace ContentStudio.Core.Kernel;

public sealed record ReviewTransition(ReviewState From, ReviewAction Action, ReviewState To);

/// <summary>The one table of allowed review transitions. Everything that changes a variant's review state asks
/// this table first; anything not listed here is an <see cref="IllegalTransitionException"/>.</summary>
public static class ReviewTransitions
{
    public static IReadOnlyList<ReviewTransition> All { get; } =
    [
        new(ReviewState.Generated, ReviewAction.Submit, ReviewState.InReview),
        new(ReviewState.Generated, ReviewAction.Edit, ReviewState.Generated),
        // Fresh copy is in the queue already: a reviewer decides on it without anyone submitting it item by item
        // (docs/decisions/008-fresh-copy-enters-review.md). Separation of duties still applies (Access).
        new(ReviewState.Generated, ReviewAction.Approve, ReviewState.Approved),
        new(ReviewState.Generated, ReviewAction.OverrideApprove, ReviewState.Approved),
        new(ReviewState.Generated, ReviewAction.Reject, ReviewState.Rejected),
        new(ReviewState.Generated, ReviewAction.RequestChanges, ReviewState.ChangesRequested),

        new(ReviewState.InReview, ReviewAction.Approve, ReviewState.Approved),
        new(ReviewState.InReview, ReviewAction.OverrideApprove, ReviewState.Approved),
        new(ReviewState.InReview, ReviewAction.Reject, ReviewState.Rejected),
        new(ReviewState.InReview, ReviewAction.RequestChanges, ReviewState.ChangesRequested),
        new(ReviewState.InReview, ReviewAction.Edit, ReviewState.InReview),

        // The author reworks the copy, then sends it back for review.
        new(ReviewState.ChangesRequested, ReviewAction.Edit, ReviewState.ChangesRequested),
        new(ReviewState.ChangesRequested, ReviewAction.Submit, ReviewState.InReview),

        // An approval is bound to the exact content approved: editing approved or scheduled copy voids the
        // approval and sends it back to review.
        new(ReviewState.Approved, ReviewAction.Schedule, ReviewState.Scheduled),
        new(ReviewState.Approved, ReviewAction.Edit, ReviewState.InReview),
        // Published when the first delivery of the approved content is sent (the outbox dispatcher), scheduled or not.
        new(ReviewState.Approved, ReviewAction.Publish, ReviewState.Published),
        new(ReviewState.Scheduled, ReviewAction.Publish, ReviewState.Published),
        new(ReviewState.Scheduled, ReviewAction.Edit, ReviewState.InReview),

        // Rejected and Published are final: a rejected idea is regenerated, published copy is history. (Published copy
        // may still be delivered to further targets; that sends the same approved content and changes no state.)
    ];

    private static readonly FrozenDictionary<(ReviewState, ReviewAction), ReviewState> Table =
        All.ToFrozenDictionary(t => (t.From, t.Action), t => t.To);

    public static bool TryNext(ReviewState from, ReviewAction action, out ReviewState to) =>
        Table.TryGetValue((from, action), out to);

    /// <summary>The state <paramref name="action"/> leads to from <paramref name="from"/>, or an
    /// <see cref="IllegalTransitionException"/> naming the current state and what is allowed instead.</summary>
    public static ReviewState Next(ReviewState from, ReviewAction action) =>
        TryNext(from, action, out var to) ? to : throw new IllegalTransitionException(from, action, AllowedFrom(from));

    public static IReadOnlyList<ReviewAction> AllowedFrom(ReviewState from) =>
        All.Where(t => t.From == from).Select(t => t.Action).ToList();

    /// <summary>The states from which approved content may be queued or sent: approved, scheduled, or already published
    /// (published copy may still go out to further targets; the approval and its content hash are checked all the same).
    /// The one statement of "may this go out" as far as the state goes (<c>PublishableCheck</c> adds the approval).</summary>
    public static IReadOnlyList<ReviewState> Publishable { get; } = [ReviewState.Approved, ReviewState.Scheduled, ReviewState.Published];

    public static bool IsPublishable(ReviewState state) => state is ReviewState.Approved or ReviewState.Scheduled or ReviewState.Published;

    /// <summary>The states a variant is still being worked on in, which the review queue lists.</summary>
    public static IReadOnlyList<ReviewState> Open { get; } = [ReviewState.Generated, ReviewState.InReview, ReviewState.ChangesRequested];
}
