using ContentStudio.Core.Generation;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Review;

/// <summary>A variant's review-relevant state after an action: what the UI needs to carry on (the new token).</summary>
public sealed record ReviewedVariant(Guid Id, ReviewState State, string ContentHash, Guid ConcurrencyToken,
    IReadOnlyDictionary<string, string> Fields)
{
    public static ReviewedVariant From(Variant v) =>
        new(v.Id, v.ReviewState, v.ContentHash, v.ConcurrencyToken, v.Fields);
}
