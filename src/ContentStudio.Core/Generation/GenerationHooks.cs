using ContentStudio.Core.Data;
using ContentStudio.Core.Llm;

namespace ContentStudio.Core.Generation;

/// <summary>Runs on every variant before it is saved, inside the transaction that saves it (item checks plug in
/// here). It may change the variant or add rows through <see cref="VariantPostProcessContext.Db"/>; a processor
/// that throws sends the variant to a person (NeedsAttention) instead of failing the task.</summary>
public interface IVariantPostProcessor
{
    Task ProcessAsync(VariantPostProcessContext context, CancellationToken cancellationToken);
}

/// <param name="Request">Null when the request could not be built (brand or segment gone).</param>
public sealed record VariantPostProcessContext(Variant Variant, CompositionRequest? Request, StudioDbContext Db);

/// <summary>Called once per run when its last task finished (campaign checks plug in here). Exceptions are logged.</summary>
public interface IRunCompletedHandler
{
    Task OnRunCompletedAsync(RunProgress progress, CancellationToken cancellationToken);
}
