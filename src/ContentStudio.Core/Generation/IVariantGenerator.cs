using ContentStudio.Core.Kernel;
using ContentStudio.Core.Llm;

namespace ContentStudio.Core.Generation;

/// <summary>Writes one variant for one task: render the prompt, call the model, parse and validate the
/// output (repairing or retrying), and report what happened. Never throws for a model failure: a failure
/// comes back as <see cref="VariantOutcome.NeedsAttention"/> with the raw text kept.</summary>
public interface IVariantGenerator
{
    Task<GeneratedVariant> GenerateAsync(CompositionRequest request, CancellationToken cancellationToken);
}

/// <summary>The result of one generation call.</summary>
public sealed record GeneratedVariant(
    VariantOutcome Outcome,
    IReadOnlyDictionary<string, string> Fields,
    string RawOutput,
    VariantProvenance Provenance,
    string? Problem = null);
