using ContentStudio.Core.Audit;
using ContentStudio.Core.Data;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Review;
using Microsoft.EntityFrameworkCore;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Publishing;

/// <summary>What a sent delivery does to its variant, inside the transaction that records the receipt: the first
/// send moves the variant along the review table (Approved or Scheduled → Published), and every send is an audit
/// event naming the target and the delivery id. A later delivery of published copy to another target leaves the
/// state as it is (Published is final) but is audited all the same.</summary>
internal static class VariantPublication
{
    public static async Task ApplyAsync(StudioDbContext db, AuditLog audit, OutboxMessage message, PublishTarget target, string dispatcher,
        CancellationToken ct)
    {
        var variant = await db.Variants.FirstOrDefaultAsync(v => v.Id == message.VariantId, ct);
        if (variant is null) return; // removed since the send-time check; the receipt still stands
        // Published is final, so a later delivery to another target leaves it. Otherwise the send-time check saw a
        // publishable state, but an edit can still land while the request is in flight: the content went out all the
        // same, so the receipt is kept and the audit says why the state stayed.
        string? note = null;
        var step = new ReviewStep(variant.ReviewState, variant.ReviewState);
        if (variant.ReviewState != ReviewState.Published && !variant.TryApply(ReviewAction.Publish, out step))
            note = $"the variant became {variant.ReviewState} while this delivery was in flight, so its state was not changed";
        var (from, to) = step;
        await audit.AppendAsync(db, new AuditEntry(message.CreatedBy, AuditActions.ReviewPublished, nameof(Variant), variant.Id.ToString(),
            new
            {
                from, to, deliveryId = message.Id, target = target.Name, targetId = target.Id, targetKind = target.Kind.ToString(),
                contentHash = message.ContentHash, dispatcher, note,
            }), ct);
        await db.SaveChangesAsync(ct);
    }
}
