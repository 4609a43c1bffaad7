using Microsoft.EntityFrameworkCore;
using ContentStudio.Core.Audit;
using ContentStudio.Core.Data;
using ContentStudio.Core.Identity;
using ContentStudio.Core.Review;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Generation;

/// <summary>Starts, cancels and reports on generation runs. Work itself is done by <see cref="GenerationEngine"/>
/// (in the web app's <see cref="GenerationWorker"/>, or directly from the CLI).</summary>
public sealed class GenerationService(IDbContextFactory<StudioDbContext> dbFactory, ILiveEvents live, TimeProvider clock, AuditLog audit)
{
    /// <summary>Stores the run and every one of its tasks (segment × channel × variant, each with its seed) in one
    /// transaction, so a crash right after leaves either the whole plan or nothing. A person starting a run needs the
    /// role of a Marketer, BrandManager or Admin (refused with <see cref="AccessDeniedException"/> before anything
    /// is read); the run records their Id (the sign-in name) as CreatedBy.</summary>
    public Task<GenerationRun> StartRunAsync(Guid campaignId, StudioUser user, CancellationToken ct = default)
    {
        Access.Demand(user, StudioPermission.Generate);
        return StartRunAsync(campaignId, user.Id, ct);
    }

    /// <summary>Starts a run on behalf of <paramref name="user"/> without a role check: for system processes, seeding,
    /// benchmarks and tests. Pages and the CLI use the <see cref="StudioUser"/> overload.</summary>
    internal async Task<GenerationRun> StartRunAsync(Guid campaignId, string user = "", CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, ct)
            ?? throw new InvalidOperationException($"Campaign {campaignId} does not exist.");
        var active = await db.GenerationRuns
            .Where(r => r.CampaignId == campaignId && (r.Status == RunStatus.Queued || r.Status == RunStatus.Running))
            .Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        if (active is not null)
            throw new InvalidOperationException($"Campaign '{campaign.Name}' already has run {active} in progress; wait for it or cancel it first.");

        var brief = campaign.Brief;
        var run = new GenerationRun { CampaignId = campaignId, CreatedBy = user, CreatedUtc = clock.GetUtcNow().UtcDateTime };
        var ordinal = 0;
        foreach (var segment in brief.SegmentKeys)
        foreach (var channel in brief.Channels)
        for (var v = 0; v < brief.VariantsPerSegment; v++)
            db.GenerationTasks.Add(new GenerationTask
            {
                RunId = run.Id, Ordinal = ordinal++, SegmentKey = segment, Channel = channel, VariantIndex = v,
                Seed = TaskSeed.For(run.Id, segment, channel, v),
            });
        run.TotalTasks = ordinal;
        db.GenerationRuns.Add(run);
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await audit.AppendAsync(db, new AuditEntry(string.IsNullOrWhiteSpace(user) ? "system" : user, AuditActions.RunStarted,
                nameof(GenerationRun), run.Id.ToString(), new { campaign = campaignId.ToString(), campaignName = campaign.Name, tasks = run.TotalTasks }), ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        await PublishAsync(db, run.Id, ct);
        return run;
    }

    /// <summary>Stops a run: no new task is claimed, waiting and claimed tasks become Cancelled (output of a model
    /// call still in flight is discarded). False when the run is already over or unknown. Whoever may start runs may stop them.</summary>
    public async Task<bool> CancelAsync(Guid runId, StudioUser user, CancellationToken ct = default)
    {
        Access.Demand(user, StudioPermission.Generate);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var stopped = await db.GenerationRuns
                .Where(r => r.Id == runId && (r.Status == RunStatus.Queued || r.Status == RunStatus.Running))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.CancelRequested, true)
                    .SetProperty(r => r.Status, RunStatus.Cancelled).SetProperty(r => r.FinishedUtc, now), ct);
            if (stopped == 0) return false;
            var cancelled = await db.GenerationTasks
                .Where(t => t.RunId == runId && (t.Status == GenerationTaskStatus.Pending || t.Status == GenerationTaskStatus.Claimed))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, GenerationTaskStatus.Cancelled)
                    .SetProperty(t => t.LeaseOwner, (string?)null).SetProperty(t => t.LeaseExpiresUtc, (DateTime?)null), ct);
            await db.GenerationRuns.Where(r => r.Id == runId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.CancelledTasks, r => r.CancelledTasks + cancelled), ct);
            var campaignId = await db.GenerationRuns.Where(r => r.Id == runId).Select(r => r.CampaignId).FirstAsync(ct);
            await audit.AppendAsync(db, new AuditEntry(user.Id, AuditActions.RunCancelled, nameof(GenerationRun), runId.ToString(),
                new { campaign = campaignId.ToString(), cancelledTasks = cancelled }), ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        await PublishAsync(db, runId, ct);
        return true;
    }

    public async Task<RunProgress?> GetProgressAsync(Guid runId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await RunProgressReader.ReadAsync(db, runId, clock.GetUtcNow().UtcDateTime, ct);
    }

    public async Task<GenerationRun?> GetRunAsync(Guid runId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.GenerationRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct);
    }

    /// <summary>The campaign's newest run, if any.</summary>
    public async Task<GenerationRun?> LatestRunAsync(Guid campaignId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var runs = await db.GenerationRuns.AsNoTracking().Where(r => r.CampaignId == campaignId).ToListAsync(ct);
        return runs.MaxBy(r => r.CreatedUtc);
    }

    private async Task PublishAsync(StudioDbContext db, Guid runId, CancellationToken ct)
    {
        if (await RunProgressReader.ReadAsync(db, runId, clock.GetUtcNow().UtcDateTime, ct) is { } progress) live.Publish(progress);
    }
}
