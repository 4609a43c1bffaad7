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
