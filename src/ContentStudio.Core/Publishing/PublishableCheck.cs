using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Publishing;

/// <summary>The one rule for "may this go out": a publishable state (<see cref="ReviewTransitions.Publishable"/>), an
/// approval on record, and the content today is exactly the content that was approved. Used when queueing and again
/// just before sending.</summary>
public static class PublishableCheck
{
    /// <summary>Null when publishable; otherwise why not.</summary>
    public static string? Problem(Variant variant, ApprovalEvidence? evidence, string? expectedHash = null)
    {
        if (!ReviewTransitions.IsPublishable(variant.ReviewState))
            return $"variant {variant.Id} is {variant.ReviewState}, not approved";
        if (evidence is null) return $"variant {variant.Id} has no approval on record";
        var current = VariantFields.Hash(variant.Fields);
        if (current != variant.ContentHash)
            return $"variant {variant.Id}: its fields no longer match its stored content hash (edited without re-checking)";
        if (evidence.ContentHash != variant.ContentHash)
            return $"variant {variant.Id} changed after approval (approved {Short(evidence.ContentHash)}, now {Short(variant.ContentHash)}); it needs a new approval";
        if (expectedHash is not null && expectedHash != variant.ContentHash)
            return $"variant {variant.Id} changed after it was queued (queued {Short(expectedHash)}, now {Short(variant.ContentHash)})";
        return null;
    }

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;
}
