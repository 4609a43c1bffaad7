using Microsoft.EntityFrameworkCore;
using ContentStudio.Core.Audit;
using ContentStudio.Core.Data;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Review.Queue;

/// <summary>Who is working on what in the queue: claim, release and comment, each one audited transaction, announced
/// to every open page (on every instance) once committed.</summary>
public sealed class QueueClaims(IDbContextFactory<StudioDbContext> dbFactory, AuditLog audit, ILiveEvents live, TimeProvider clock)
{
    /// <summary>Takes the variant for <paramref name="user"/>. Claiming your own claim again is a no-op; someone
    /// else's is a <see cref="QueueClaimConflictException"/>. A conditional UPDATE decides races, and the audit
    /// event commits with it.</summary>
    public Task ClaimAsync(Guid variantId, StudioUser user, CancellationToken ct = default) => Announce(variantId, "claimed", user,
        AuditedTransaction.RunAsync(dbFactory, async db =>
        {
            Access.Demand(user, StudioPermission.WorkQueue);
            await AuditLog.LockAsync(db, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var changed = await db.Variants.Where(v => v.Id == variantId && v.AssignedTo == null)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.AssignedTo, user.Id).SetProperty(v => v.ClaimedUtc, now), ct);
            if (changed == 0)
            {
                var holder = await db.Variants.Where(v => v.Id == variantId).Select(v => new { v.AssignedTo, v.ClaimedUtc })
                    .FirstOrDefaultAsync(ct) ?? throw new VariantNotFoundException(variantId);
                if (holder.AssignedTo == user.Id) return 0;
                throw new QueueClaimConflictException(variantId, holder.AssignedTo ?? "someone", holder.ClaimedUtc);
            }
            await audit.AppendAsync(db, new AuditEntry(user.Id, QueueAuditActions.Claimed, nameof(Variant), variantId.ToString()), ct);
            await db.SaveChangesAsync(ct);
            return 1;
        }, ct));

    /// <summary>Gives the variant back. Only the holder may, or a brand manager or admin (to free a stale claim).
    /// Releasing an unclaimed variant does nothing.</summary>
    public Task ReleaseAsync(Guid variantId, StudioUser user, CancellationToken ct = default) => Announce(variantId, "released", user,
        AuditedTransaction.RunAsync(dbFactory, async db =>
        {
            Access.Demand(user, StudioPermission.WorkQueue);
            await AuditLog.LockAsync(db, ct);
            var holder = await db.Variants.Where(v => v.Id == variantId).Select(v => new { v.AssignedTo, v.ClaimedUtc })
                .FirstOrDefaultAsync(ct) ?? throw new VariantNotFoundException(variantId);
            if (holder.AssignedTo is null) return 0;
            if (!MayRelease(user, holder.AssignedTo))
                throw new QueueClaimConflictException(variantId, holder.AssignedTo, holder.ClaimedUtc);
            await db.Variants.Where(v => v.Id == variantId)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.AssignedTo, (string?)null).SetProperty(v => v.ClaimedUtc, (DateTime?)null), ct);
            await audit.AppendAsync(db, new AuditEntry(user.Id, QueueAuditActions.Released, nameof(Variant), variantId.ToString(),
                new { heldBy = holder.AssignedTo }), ct);
            await db.SaveChangesAsync(ct);
            return 1;
        }, ct));

    /// <summary>The holder may release their own claim; a brand manager or admin may free anyone's (a stale claim).</summary>
    public static bool MayRelease(StudioUser user, string? holder) =>
        holder is not null && (holder == user.Id || Access.Allows(user, StudioPermission.ReleaseAnyClaim));

    /// <summary>Adds a comment and its audit event in one transaction. A comment longer than
    /// <see cref="ReviewLimits.MaxCommentLength"/> is refused before anything is written (it would be stored twice).</summary>
    public Task<VariantComment> CommentAsync(Guid variantId, StudioUser user, string text, CancellationToken ct = default) =>
        Announce(variantId, "commented", user, AuditedTransaction.RunAsync(dbFactory, async db =>
        {
            Access.Demand(user, StudioPermission.WorkQueue);
            if (string.IsNullOrWhiteSpace(text)) throw new ArgumentException("A comment needs some text.", nameof(text));
            ReviewLimits.Check(text.Trim(), ReviewLimits.MaxCommentLength, "The comment", nameof(text));
            await AuditLog.LockAsync(db, ct);
            if (!await db.Variants.AnyAsync(v => v.Id == variantId, ct)) throw new VariantNotFoundException(variantId);
            var logged = await audit.AppendAsync(db, new AuditEntry(user.Id, QueueAuditActions.Commented, nameof(Variant),
                variantId.ToString(), new { text = text.Trim() }), ct);
            var comment = new VariantComment { VariantId = variantId, Author = user.Id, AtUtc = logged.AtUtc, AuditSequence = logged.Sequence, Text = text.Trim() };
            db.Set<VariantComment>().Add(comment);
            await db.SaveChangesAsync(ct);
            return comment;
        }, ct));

    private async Task<T> Announce<T>(Guid variantId, string what, StudioUser user, Task<T> committed)
    {
        var result = await committed;
        live.Publish(new ReviewQueueChange(variantId, what, user.Id));
        return result;
    }
}
