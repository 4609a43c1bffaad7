namespace ContentStudio.Core.Kernel;

/// <summary>An action the transition table does not allow from the variant's current state.</summary>
public sealed class IllegalTransitionException(ReviewState current, ReviewAction attempted, IReadOnlyList<ReviewAction> allowed)
    : InvalidOperationException(Describe(current, attempted, allowed))
{
    public ReviewState Current { get; } = current;
    public ReviewAction Attempted { get; } = attempted;
    public IReadOnlyList<ReviewAction> Allowed { get; } = allowed;

    private static string Describe(ReviewState current, ReviewAction attempted, IReadOnlyList<ReviewAction> allowed) =>
        $"Cannot {Access.BareVerb(attempted)} a variant that is {ReviewWords.Describe(current)}. " + (allowed.Count == 0
            ? "That is final: nothing more can be done with it."
            : $"What can be done now: {string.Join(", ", allowed.Select(a => ReviewWords.Label(a).ToLowerInvariant()))}.");
}
