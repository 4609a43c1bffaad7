using ContentStudio.Core.Data.Leasing;
using ContentStudio.Core.Audit;
using ContentStudio.Core.Data;
using ContentStudio.Core.Publishing.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContentStudio.Core.Publishing;

/// <summary>Totals of one dispatch call.</summary>
public sealed record DispatchSummary(int Sent, int Retrying, int Dead, int Cancelled)
{
    public static readonly DispatchSummary None = new(0, 0, 0, 0);
    public int Claimed => Sent + Retrying + Dead + Cancelled;
    public static DispatchSummary operator +(DispatchSummary a, DispatchSummary b) =>
        new(a.Sent + b.Sent, a.Retrying + b.Retrying, a.Dead + b.Dead, a.Cancelled + b.Cancelled);
}

/// <summary>Sends due outbox rows: claim with a lease (committed first), re-check at send time that the variant is
/// still approved at the queued content hash (otherwise the row is cancelled with the reason), send, then record the
/// receipt or schedule a retry (exponential backoff with jitter) until Publishing:MaxAttempts, then Dead.
/// Each result is written only while this dispatcher still holds the lease. A receipt is recorded in one transaction
/// with the variant's move to Published and its audit event (<see cref="VariantPublication"/>).</summary>
public sealed class OutboxDispatcher(IDbContextFactory<StudioDbContext> dbFactory, IApprovalEvidenceSource approvals,
    WebhookSender webhooks, AuditLog audit, IOptions<PublishingOptions> options, TimeProvider clock, ILogger<OutboxDispatcher> logger)
{
    private enum Outcome { Sent, Retrying, Dead, Cancelled }

    public string WorkerId { get; } = LeasedWork.NewWorkerId();

    /// <summary>Claims one batch of due deliveries and sends them.</summary>
    public async Task<DispatchSummary> RunOnceAsync(CancellationToken ct = default)
    {
        var o = options.Value;
        IReadOnlyList<Guid> claimed;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            claimed = await LeasedWork.ClaimAsync(db, OutboxLeases.Queue, OutboxLeases.ToEnabledTargets, WorkerId, o.BatchSize, Now,
                TimeSpan.FromSeconds(o.LeaseSeconds), ct);
        if (claimed.Count == 0) return DispatchSummary.None;

        var outcomes = new System.Collections.Concurrent.ConcurrentBag<Outcome>();
        await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = o.WorkerConcurrency, CancellationToken = ct },
            async (id, token) => { if (await ProcessAsync(id, token) is { } outcome) outcomes.Add(outcome); });
        return new DispatchSummary(outcomes.Count(x => x == Outcome.Sent), outcomes.Count(x => x == Outcome.Retrying),
            outcomes.Count(x => x == Outcome.Dead), outcomes.Count(x => x == Outcome.Cancelled));
    }

    /// <summary>Sends batches until nothing is due now (retries scheduled for later stay queued).</summary>
    public async Task<DispatchSummary> RunUntilIdleAsync(CancellationToken ct = default)
    {
        var total = DispatchSummary.None;
        while (await RunOnceAsync(ct) is { Claimed: > 0 } batch) total += batch;
        return total;
    }

    /// <summary>Keeps sending until no delivery is pending or in flight (retries included), polling in between.</summary>
    public async Task<DispatchSummary> DrainAsync(CancellationToken ct = default)
    {
        var total = DispatchSummary.None;
        while (true)
        {
            total += await RunUntilIdleAsync(ct);
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var open = await db.OutboxMessages.Where(m => m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Sending)
                .Where(m => db.PublishTargets.Any(t => t.Id == m.TargetId && t.Enabled))
                .OrderBy(m => m.NextAttemptUtc).Select(m => (DateTime?)m.NextAttemptUtc).FirstOrDefaultAsync(ct);
            if (open is null) return total;
            var wait = TimeSpan.FromMilliseconds(Math.Min(options.Value.PollIntervalMilliseconds, Math.Max(10, (open.Value - Now).TotalMilliseconds)));
            await Task.Delay(wait, clock, ct);
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The row while this dispatcher still holds its lease: every write of a result goes through it, so a row
    /// whose lease ran out (and that another dispatcher took) is never overwritten.</summary>
    private IQueryable<OutboxMessage> Held(StudioDbContext db, Guid id) =>
        db.OutboxMessages.Where(LeasedWork.HeldBy(OutboxLeases.Queue, id, WorkerId));

    private async Task<Outcome?> ProcessAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var message = await db.OutboxMessages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (message is null || message.LeaseOwner != WorkerId || message.Status != OutboxStatus.Sending) return null;
        // A row may have waited in this batch behind slow sends: if too little of its lease is left for one request,
        // restart the lease before sending, and stand down if it already ran out and another dispatcher took the row.
        if (message.LeaseExpiresUtc - Now < TimeSpan.FromSeconds(options.Value.RequestTimeoutSeconds + 1))
        {
            var expires = Now + TimeSpan.FromSeconds(options.Value.LeaseSeconds);
            if (!await LeasedWork.RenewAsync(db, OutboxLeases.Queue, id, WorkerId, expires, ct)) return null;
        }
        try
        {
            var target = await db.PublishTargets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == message.TargetId, ct);
            var variant = await db.Variants.AsNoTracking().FirstOrDefaultAsync(v => v.Id == message.VariantId, ct);
            if (target is null || variant is null) return await CancelAsync(db, message, "the target or the variant no longer exists", ct);
            var approval = await approvals.GetAsync(variant.Id, ct);
            if (PublishableCheck.Problem(variant, approval, message.ContentHash) is { } problem) return await CancelAsync(db, message, problem, ct);

            var result = target.Kind == PublishTargetKind.Webhook
                ? await webhooks.SendAsync(target, message, ct)
                : await ExportAsync(target, message, ct);
            return await RecordAsync(db, message, result, ct, target);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw; // stopping: the lease runs out and another dispatcher finishes the row
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Delivery {DeliveryId} failed unexpectedly", id);
            return await RecordAsync(db, message, SendResult.Failed($"{e.GetType().Name}: {e.Message}"), ct);
        }
    }

    private async Task<SendResult> ExportAsync(PublishTarget target, OutboxMessage message, CancellationToken ct)
    {
        string folder;
        try { folder = ExportPaths.Resolve(options.Value.ExportRoot, target.FolderPath); }
        catch (PublishingException e) { return SendResult.Failed(e.Message, permanent: true); }
        var payload = PublicationPayload.FromJson(message.PayloadJson);
        var written = await FileExporter.ExportAsync(folder, payload, ct);
        return SendResult.Ok(System.Text.Json.JsonSerializer.Serialize(new
        {
            kind = "file", folder = written, file = payload.FileStem, attempt = message.Attempts, atUtc = Now,
        }, PublicationPayload.Json));
    }

    private async Task<Outcome?> RecordAsync(StudioDbContext db, OutboxMessage message, SendResult result, CancellationToken ct,
        PublishTarget? target = null)
    {
        var o = options.Value;
        var now = Now;
        var token = Guid.NewGuid();
        Outcome outcome;
        int updated;
        if (result.Success)
        {
            ArgumentNullException.ThrowIfNull(target); // only a send to a target can succeed
            outcome = Outcome.Sent;
            // The audit lock first (it orders the reads); the receipt, the variant's state and the audit event commit
            // together. No cancellation here: the request went out, its receipt must be written.
            updated = await AuditedTransaction.RunAsync(dbFactory, async tx =>
            {
                await AuditLog.LockAsync(tx, CancellationToken.None);
                var n = await Held(tx, message.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sent).SetProperty(m => m.SentUtc, now)
                        .SetProperty(m => m.ReceiptJson, result.ReceiptJson).SetProperty(m => m.LastError, (string?)null)
                        .SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseExpiresUtc, (DateTime?)null)
                        .SetProperty(m => m.ConcurrencyToken, token), CancellationToken.None);
                if (n == 1) await VariantPublication.ApplyAsync(tx, audit, message, target, WorkerId, CancellationToken.None);
                return n;
            }, CancellationToken.None);
        }
        else
        {
            var dead = result.Permanent || message.Attempts >= o.MaxAttempts;
            outcome = dead ? Outcome.Dead : Outcome.Retrying;
            var next = dead ? now : now + Backoff.Delay(message.Attempts, o);
            var error = $"attempt {message.Attempts}: {result.Error}";
            updated = await Held(db, message.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, dead ? OutboxStatus.Dead : OutboxStatus.Pending)
                .SetProperty(m => m.NextAttemptUtc, next).SetProperty(m => m.LastError, error)
                .SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseExpiresUtc, (DateTime?)null)
                .SetProperty(m => m.ConcurrencyToken, token), CancellationToken.None);
            logger.LogInformation("Delivery {DeliveryId} {Outcome}: {Error}", message.Id, outcome, result.Error);
        }
        // Zero rows: our lease ran out and another dispatcher owns the row now; its result stands.
        return updated == 1 ? outcome : null;
    }

    private async Task<Outcome?> CancelAsync(StudioDbContext db, OutboxMessage message, string reason, CancellationToken ct)
    {
        logger.LogWarning("Delivery {DeliveryId} cancelled: {Reason}", message.Id, reason);
        var token = Guid.NewGuid();
        var updated = await Held(db, message.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Cancelled).SetProperty(m => m.LastError, "cancelled: " + reason)
                .SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseExpiresUtc, (DateTime?)null)
                .SetProperty(m => m.ConcurrencyToken, token), ct);
        return updated == 1 ? Outcome.Cancelled : null;
    }
}
