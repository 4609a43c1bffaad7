using ContentStudio.Core.Generation;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Review;

/// <summary>A decision a reviewer took, bound to the hash of the exact content they saw.</summary>
public sealed class ReviewDecision
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid VariantId { get; set; }
    public ReviewAction Action { get; set; }
    public string DecidedBy { get; set; } = "";
    public DateTime AtUtc { get; set; }
    /// <summary>The audit event written in the same transaction: orders decisions and links them to the log.</summary>
    public long AuditSequence { get; set; }
    public string ContentHash { get; set; } = "";
    /// <summary>The rejection reason, the requested changes, or the override's justification.</summary>
    public string? Comment { get; set; }
}

/// <summary>One saved edit: who, when, and the fields before and after (canonical JSON).</summary>
public sealed class VariantEdit
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid VariantId { get; set; }
    public string EditedBy { get; set; } = "";
    public DateTime AtUtc { get; set; }
    /// <summary>The audit event written in the same transaction.</summary>
    public long AuditSequence { get; set; }
    public string BeforeJson { get; set; } = "{}";
    public string AfterJson { get; set; } = "{}";
    public string BeforeHash { get; set; } = "";
    public string AfterHash { get; set; } = "";
}

/// <summary>A variant's review-relevant state after an action: what the UI needs to carry on (the new token).</summary>
public sealed record ReviewedVariant(Guid Id, ReviewState State, string ContentHash, Guid ConcurrencyToken,
    IReadOnlyDictionary<string, string> Fields)
{
    public static ReviewedVariant From(Variant v) =>
        new(v.Id, v.ReviewState, v.ContentHash, v.ConcurrencyToken, v.Fields);
}

/// <summary>Whether the variant carries an approval that still holds: its latest approval's hash equals the
/// current content hash. <see cref="Approval"/> is that latest approval (null when there never was one).</summary>
public sealed record ApprovalStatus(bool IsValid, ReviewDecision? Approval, string CurrentContentHash, string? Reason);
