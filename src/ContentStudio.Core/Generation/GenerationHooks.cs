using ContentStudio.Core.Data;
using ContentStudio.Core.Llm;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Generation;

/// <summary>Runs on every variant after it is generated and before the transaction that saves it opens (item checks
/// plug in here: generate → check → save), so a processor may ask a model without holding a write transaction. It may
/// change the variant; a processor that throws sends the variant to a person (NeedsAttention) instead of failing the task.</summary>
public interface IVariantPostProcessor
{
    Task ProcessAsync(VariantPostProcessContext context, CancellationToken cancellationToken);
}

/// <param name="Request">Null when the request could not be built (brand or segment gone).</param>
public sealed record VariantPostProcessContext(Variant Variant, CompositionRequest? Request)
{
    /// <summary>What the provider's safety system flagged while writing the variant (see <see cref="GeneratedVariant.ProviderSafety"/>).</summary>
    public IReadOnlyList<ProviderSafetyResult> ProviderSafety { get; init; } = [];
}

/// <summary>Called once per run when its last task finished (campaign checks plug in here). Exceptions are logged.</summary>
public interface IRunCompletedHandler
{
    Task OnRunCompletedAsync(RunProgress progress, CancellationToken cancellationToken);
}
