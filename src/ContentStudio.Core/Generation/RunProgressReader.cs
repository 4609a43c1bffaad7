using Microsoft.EntityFrameworkCore;
using ContentStudio.Core.Data;

namespace ContentStudio.Core.Generation;

internal static class RunProgressReader
{
    /// <summary>One statement: the run's counters (moved in the same transaction as the task they count, so they
    /// agree with the task rows) plus the run's claimed tasks, found through the status index. Pending is the rest.
    /// Grouping all of the run's tasks by status instead cost more than the rest of a task's bookkeeping, and the
    /// engine reads progress after every task.</summary>
    /// <remarks>Tasks waiting for the provider are found through the (Status, NotBeforeUtc) index: only tasks with a
    /// wait still ahead of <paramref name="nowUtc"/> are read, usually none.</remarks>
    public static async Task<RunProgress?> ReadAsync(StudioDbContext db, Guid runId, DateTime nowUtc, CancellationToken ct)
    {
        var run = await db.GenerationRuns.AsNoTracking().Where(r => r.Id == runId)
            .Select(r => new
            {
                r.CampaignId, r.Status, r.TotalTasks, r.DoneTasks, r.NeedsAttentionTasks, r.CancelledTasks,
                Claimed = db.GenerationTasks.Count(t => t.Status == GenerationTaskStatus.Claimed && t.RunId == runId),
                Waiting = db.GenerationTasks.Count(t => t.Status == GenerationTaskStatus.Pending && t.NotBeforeUtc > nowUtc && t.RunId == runId),
                WaitUntil = db.GenerationTasks.Where(t => t.Status == GenerationTaskStatus.Pending && t.NotBeforeUtc > nowUtc && t.RunId == runId)
                    .Min(t => t.NotBeforeUtc),
            })
            .FirstOrDefaultAsync(ct);
        if (run is null) return null;
        var pending = run.TotalTasks - run.DoneTasks - run.NeedsAttentionTasks - run.CancelledTasks - run.Claimed;
        return new RunProgress(runId, run.CampaignId, run.Status, run.TotalTasks,
            run.DoneTasks, run.NeedsAttentionTasks, run.CancelledTasks, Math.Max(0, pending), run.Claimed,
            run.Waiting, run.WaitUntil);
    }
}
