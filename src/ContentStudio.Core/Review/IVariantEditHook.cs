using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Review;

/// <summary>Re-derives what depends on a variant's content (the checks) for edited fields. It runs before the edit's
/// transaction, because it may ask a model (the judges) and no model call belongs inside a write transaction; what it
/// returns is applied inside the transaction, so an edit and its new check report are saved together or not at all.</summary>
public interface IVariantEditHook
{
    Task<Action<Variant>> PrepareAsync(Variant current, IReadOnlyDictionary<string, string> newFields, CancellationToken cancellationToken);
}
