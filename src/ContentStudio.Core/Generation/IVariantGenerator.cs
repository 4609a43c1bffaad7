using ContentStudio.Core.Kernel;
using ContentStudio.Core.Llm;

namespace ContentStudio.Core.Generation;

/// <summary>Writes one variant for one task: render the prompt, call the model, parse and validate the
/// output (repairing or retrying), and report what happened. Never throws for a model failure: a failure
/// comes back as <see cref="VariantOutcome.NeedsAttention"/> with the raw text kept, marked <see cref="GeneratedVariant.Transient"/>
/// when the provider was only busy or down for a while (the engine then tries the task again later).</summary>
public interface IVariantGenerator
{
    Task<GeneratedVariant> GenerateAsync(CompositionRequest request, CancellationToken cancellationToken);
}

/// <summary>The result of one generation call.</summary>
/// <param name="Transient">The model call failed in a way that passes (rate limit after the retries, 5xx, timeout, cut
/// stream, open circuit): worth the whole task again later, not a person's time.</param>
/// <param name="RetryAfter">The wait the provider or the circuit named for such a failure, when one did.</param>
public sealed record GeneratedVariant(
    VariantOutcome Outcome,
    IReadOnlyDictionary<string, string> Fields,
    string RawOutput,
    VariantProvenance Provenance,
    string? Problem = null,
    bool Transient = false,
    TimeSpan? RetryAfter = null)
{
    /// <summary>What the provider's own safety system flagged on the calls behind this variant (Azure OpenAI's content
    /// filter); the item checks turn it into findings.</summary>
    public IReadOnlyList<ProviderSafetyResult> ProviderSafety { get; init; } = [];

    /// <summary>Why the model call failed, when it did: the engine pauses its claims while the circuit is open (a task
    /// claimed then would only bounce) and puts a task refused by a used-up budget back until the budget resets.</summary>
    public ModelFailureKind? FailureKind { get; init; }
}
