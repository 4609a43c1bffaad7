using ContentStudio.Core.Channels;
using ContentStudio.Core.Checks;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Review.Queue;

/// <summary>A comment on a variant (audited).</summary>
public sealed class VariantComment
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid VariantId { get; set; }
    public string Author { get; set; } = "";
    public DateTime AtUtc { get; set; }
    public long AuditSequence { get; set; }
    public string Text { get; set; } = "";
}
