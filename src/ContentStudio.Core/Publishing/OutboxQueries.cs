using ContentStudio.Core.Data;
using ContentStudio.Core.Review;
using Microsoft.EntityFrameworkCore;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Publishing;

/// <summary>One row of the outbox as the UI lists it.</summary>
public sealed record OutboxEntry(Guid Id, Guid VariantId, Guid CampaignId, Guid TargetId, string TargetName, OutboxStatus Status,
    int Attempts, DateTime NextAttemptUtc, string? LastError, DateTime? SentUtc, DateTime CreatedUtc, string CreatedBy, string? ReceiptJson);

/// <summary>Counts per status, for a dashboard badge.</summary>
public sealed record OutboxCounts(int Pending, int Sending, int Sent, int Dead, int Cancelled);

/// <summary>What the UI shows and does with the outbox: lists by status (pending, sent, dead…), retry a dead or
/// cancelled delivery (same delivery id), cancel one that has not gone out.</summary>
public sealed class OutboxQueries(IDbContextFactory<StudioDbContext> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<OutboxEntry>> ListAsync(OutboxStatus? status = null, Guid? campaignId = null, int take = 200,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.OutboxMessages.AsNoTracking();
        if (status is { } s) query = query.Where(m => m.Status == s);
        if (campaignId is { } c) query = query.Where(m => m.CampaignId == c);
        return await query
            .Join(db.PublishTargets, m => m.TargetId, t => t.Id, (m, t) => new { m, t.Name })
            .OrderByDescending(x => x.m.CreatedUtc).ThenBy(x => x.m.Id).Take(take)
            .Select(x => new OutboxEntry(x.m.Id, x.m.VariantId, x.m.CampaignId, x.m.TargetId, x.Name, x.m.Status, x.m.Attempts,
                x.m.NextAttemptUtc, x.m.LastError, x.m.SentUtc, x.m.CreatedUtc, x.m.CreatedBy, x.m.ReceiptJson))
            .ToListAsync(ct);
    }

    public async Task<OutboxCounts> CountsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = await db.OutboxMessages.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Of(OutboxStatus s) => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0;
        return new(Of(OutboxStatus.Pending), Of(OutboxStatus.Sending), Of(OutboxStatus.Sent), Of(OutboxStatus.Dead), Of(OutboxStatus.Cancelled));
    }

    /// <summary>Queues a dead or cancelled delivery again, now, with fresh attempts. The send-time approval check still
    /// applies: content changed since approval is cancelled again, not sent. Who may: whoever may publish.</summary>
    public async Task RetryAsync(Guid id, StudioUser user, CancellationToken ct = default)
    {
        Access.Demand(user, StudioPermission.PublishVariant);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var token = Guid.NewGuid();
        var updated = await db.OutboxMessages.Where(m => m.Id == id && (m.Status == OutboxStatus.Dead || m.Status == OutboxStatus.Cancelled))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Pending).SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptUtc, now).SetProperty(m => m.ConcurrencyToken, token), ct);
        if (updated == 0) throw new PublishingException(await WhyNotAsync(db, id, "retried", "dead or cancelled"));
    }

    /// <summary>Stops a delivery that has not gone out (pending, or dead). One being sent right now cannot be recalled.
    /// Who may: whoever may publish.</summary>
    public async Task CancelAsync(Guid id, StudioUser user, CancellationToken ct = default)
    {
        Access.Demand(user, StudioPermission.PublishVariant);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var token = Guid.NewGuid();
        var reason = $"cancelled by {user.Id}";
        var updated = await db.OutboxMessages.Where(m => m.Id == id && (m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Dead))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Cancelled).SetProperty(m => m.LastError, reason)
                .SetProperty(m => m.ConcurrencyToken, token), ct);
        if (updated == 0) throw new PublishingException(await WhyNotAsync(db, id, "cancelled", "pending or dead"));
    }

    private static async Task<string> WhyNotAsync(StudioDbContext db, Guid id, string verb, string allowed)
    {
        var status = await db.OutboxMessages.Where(m => m.Id == id).Select(m => (OutboxStatus?)m.Status).FirstOrDefaultAsync();
        return status is null
            ? $"delivery {id} does not exist"
            : $"delivery {id} is {status}; only {allowed} deliveries can be {verb}";
    }
}
