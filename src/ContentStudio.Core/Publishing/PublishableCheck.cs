using ContentStudio.Core.Generation;

namespace ContentStudio.Core.Publishing;

/// <summary>The one rule for "may this go out": approved, scheduled or already published (to another target), an
/// approval on record, and the content today is exactly the content that was approved. Used when queueing and again
/// just before sending.</summary>
public static class PublishableCheck
{
    public const string Approved = "Approved";
    public const string Scheduled = "Scheduled";
    /// <summary>Sent to at least one target. Published copy cannot be edited, but may still go out to other targets:
    /// the approval (and its content hash) is checked all the same.</summary>
    public const string Published = "Published";

    /// <summary>The review states from which a variant may be queued or sent.</summary>
    public static IReadOnlyList<string> States { get; } = [Approved, Scheduled, Published];

    /// <summary>Null when publishable; otherwise why not.</summary>
    public static string? Problem(Variant variant, ApprovalEvidence? evidence, string? expectedHash = null)
    {
        if (variant.ReviewState is not (Approved or Scheduled or Published))
            return $"variant {variant.Id} is {variant.ReviewState}, not approved";
        if (evidence is null) return $"variant {variant.Id} has no approval on record";
        var current = VariantContent.Hash(variant.Fields);
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
