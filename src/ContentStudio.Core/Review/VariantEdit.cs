using ContentStudio.Core.Generation;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Review;

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
