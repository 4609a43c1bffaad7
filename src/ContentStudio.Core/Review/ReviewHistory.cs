using Microsoft.EntityFrameworkCore;
using ContentStudio.Core.Data;
using ContentStudio.Core.Review.Queue;

namespace ContentStudio.Core.Review;

/// <summary>A variant's decisions, edits and comments in the order they happened (their audit sequence), read on the
/// caller's context: the review page reads all three on one, the services and the API one at a time.</summary>
internal static class ReviewHistory
{
    public static async Task<List<ReviewDecision>> DecisionsAsync(StudioDbContext db, Guid variantId, CancellationToken ct) =>
        (await db.ReviewDecisions.AsNoTracking().Where(d => d.VariantId == variantId).ToListAsync(ct)).OrderBy(d => d.AuditSequence).ToList();

    public static async Task<List<VariantEdit>> EditsAsync(StudioDbContext db, Guid variantId, CancellationToken ct) =>
        (await db.VariantEdits.AsNoTracking().Where(e => e.VariantId == variantId).ToListAsync(ct)).OrderBy(e => e.AuditSequence).ToList();

    public static async Task<List<VariantComment>> CommentsAsync(StudioDbContext db, Guid variantId, CancellationToken ct) =>
        (await db.Set<VariantComment>().AsNoTracking().Where(c => c.VariantId == variantId).ToListAsync(ct)).OrderBy(c => c.AuditSequence).ToList();
}
