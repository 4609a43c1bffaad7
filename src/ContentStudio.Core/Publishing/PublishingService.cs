using ContentStudio.Core.Audit;
using ContentStudio.Core.Data;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Publishing.Delivery;
using ContentStudio.Core.Publishing.Security;
using ContentStudio.Core.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Publishing;

/// <summary>What queueing did: the outbox rows created (their ids are the delivery ids), and how many variants were
/// already queued for this target at this content (publishing twice sends once).</summary>
public sealed record PublishResult(IReadOnlyList<Guid> Queued, int AlreadyQueued, DateTime DueUtc);

/// <summary>Queues approved variants for a target through the transactional outbox: the outbox rows and the
/// variant's state change are saved in one transaction, so a publication is never lost or invented by a crash.
/// Only a brand manager or an admin may queue (the review table's Publish / Schedule roles), checked first.</summary>
public sealed class PublishingService(IDbContextFactory<StudioDbContext> dbFactory, IApprovalEvidenceSource approvals,
    AuditLog audit, IOptions<PublishingOptions> options, TimeProvider clock)
{
    public async Task<PublishResult> PublishAsync(IReadOnlyCollection<Guid> variantIds, Guid targetId, StudioUser user,
        DateTime? scheduleUtc = null, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = scheduleUtc is { } s && s > now ? s : now;
        Access.Demand(user, due > now ? StudioPermission.ScheduleVariant : StudioPermission.PublishVariant);
        if (variantIds.Count == 0) throw new PublishingException("no variants given to publish");
        if (scheduleUtc is { Kind: not DateTimeKind.Utc }) throw new PublishingException("the schedule time must be UTC");

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var target = await db.PublishTargets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == targetId, ct)
                     ?? throw new PublishingException($"publish target {targetId} does not exist");
        if (!target.Enabled) throw new PublishingException($"publish target '{target.Name}' is disabled");
        // Cheap re-check of a stored URL (no DNS here: the dispatcher resolves and checks again at send time).
        if (target.Kind == PublishTargetKind.Webhook &&
            UrlGuard.For(options.Value).CheckShape(target.Url, out _) is { Allowed: false } verdict)
            throw new PublishingException($"publish target '{target.Name}' cannot be used: {verdict.Reason}");

        var ids = variantIds.Distinct().ToList();
        var variants = await db.Variants.Where(v => ids.Contains(v.Id)).ToListAsync(ct);
        var refusals = ids.Where(id => variants.All(v => v.Id != id)).Select(id => $"variant {id} does not exist").ToList();
        var evidence = new Dictionary<Guid, ApprovalEvidence>();
        foreach (var variant in variants)
        {
            var approval = await approvals.GetAsync(variant.Id, ct);
            if (PublishableCheck.Problem(variant, approval) is { } problem) refusals.Add(problem);
            else evidence[variant.Id] = approval!;
        }
        if (refusals.Count > 0) throw new PublishRefusedException(refusals);

        var existing = await db.OutboxMessages.Where(m => ids.Contains(m.VariantId) && m.TargetId == targetId).ToListAsync(ct);
        var queued = new List<Guid>();
        var scheduled = new List<(Variant Variant, Guid DeliveryId)>();
        var already = 0;
        foreach (var variant in variants)
        {
            var row = existing.FirstOrDefault(m => m.VariantId == variant.Id && m.ContentHash == variant.ContentHash);
            if (row is { Status: OutboxStatus.Pending or OutboxStatus.Sending or OutboxStatus.Sent }) { already++; continue; }
            if (row is not null)
            {
                // Cancelled or dead at this very content: publishing again revives the same delivery id.
                row.Status = OutboxStatus.Pending;
                row.Attempts = 0;
                row.NextAttemptUtc = due;
                row.LastError = null;
                queued.Add(row.Id);
            }
            else
            {
                var id = Guid.NewGuid();
                db.OutboxMessages.Add(new OutboxMessage
                {
                    Id = id, VariantId = variant.Id, TargetId = targetId, CampaignId = variant.CampaignId, ContentHash = variant.ContentHash,
                    PayloadJson = PublicationPayload.For(id, variant, evidence[variant.Id]).ToJson(),
                    NextAttemptUtc = due, CreatedUtc = now, CreatedBy = user.Id,
                });
                queued.Add(id);
            }
            // The state change travels in the same SaveChanges (one transaction) as the outbox rows. Even when the
            // state stays Approved the concurrency token is renewed, so an edit racing this publish fails one of them.
            // Approved copy put on a schedule becomes Scheduled (the review table's move); scheduled or published copy
            // queued for one more target keeps its state.
            if (due > now && variant.ReviewState == ReviewState.Approved)
            {
                variant.Apply(ReviewAction.Schedule);
                scheduled.Add((variant, queued[^1]));
            }
            db.Entry(variant).Property(v => v.ConcurrencyToken).IsModified = true;
        }

        try
        {
            // The audit events of the moves to Scheduled commit with the rows (the audit lock orders the appends).
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var (variant, deliveryId) in scheduled)
                await audit.AppendAsync(db, new AuditEntry(user.Id, AuditActions.ReviewScheduled, nameof(Variant), variant.Id.ToString(),
                    new { from = ReviewState.Approved, to = variant.ReviewState, deliveryId, target = target.Name, targetId, dueUtc = due,
                          contentHash = variant.ContentHash, roles = user.Roles.Order().ToArray() }), ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new PublishingException("a variant changed while it was being published; nothing was queued, try again");
        }
        catch (DbUpdateException)
        {
            throw new PublishingException("these variants are being published to this target by someone else right now; nothing was queued by this request");
        }
        return new PublishResult(queued, already, due);
    }
}
