using System.Collections.Frozen;

namespace ContentStudio.Core.Review;

public sealed record ReviewTransition(ReviewState From, ReviewAction Action, ReviewState To);

/// <summary>The one table of allowed review transitions. Everything that changes a variant's review state asks
/// this table first; anything not listed here is an <see cref="IllegalTransitionException"/>.</summary>
public static class ReviewTransitions
{
    public static IReadOnlyList<ReviewTransition> All { get; } =
    [
        new(ReviewState.Generated, ReviewAction.Submit, ReviewState.InReview),
        new(ReviewState.Generated, ReviewAction.Edit, ReviewState.Generated),

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

    /// <summary>Reads the stored column (an exact state name); an unknown value is named rather than guessed.</summary>
    public static ReviewState Parse(string stored) =>
        Enum.GetNames<ReviewState>().Contains(stored, StringComparer.Ordinal)
            ? Enum.Parse<ReviewState>(stored)
            : throw new InvalidOperationException(
                $"Variant.ReviewState holds '{stored}', which is not a review state (expected one of {string.Join(", ", Enum.GetNames<ReviewState>())}).");
}

/// <summary>An action the transition table does not allow from the variant's current state.</summary>
public sealed class IllegalTransitionException(ReviewState current, ReviewAction attempted, IReadOnlyList<ReviewAction> allowed)
    : InvalidOperationException(Describe(current, attempted, allowed))
{
    public ReviewState Current { get; } = current;
    public ReviewAction Attempted { get; } = attempted;
    public IReadOnlyList<ReviewAction> Allowed { get; } = allowed;

    private static string Describe(ReviewState current, ReviewAction attempted, IReadOnlyList<ReviewAction> allowed) =>
        $"Cannot {attempted} a variant that is {current}. " + (allowed.Count == 0
            ? $"{current} is final: no action is allowed."
            : $"Allowed from {current}: {string.Join(", ", allowed)}.");
}
