using ContentStudio.Core.Data;
using ContentStudio.Core.Data.Leasing;
using Npgsql;
using NpgsqlTypes;

namespace ContentStudio.Core.Generation;

/// <summary>Generation tasks as leased work: taken before any model is called, so a worker that dies mid-call leaves a
/// lease that runs out and another worker takes the task. Only tasks of active runs (queued or running, not being
/// cancelled) are taken, oldest run first, in task order.</summary>
internal static class TaskLeases
{
    public static readonly LeaseQueue<GenerationTask> Queue = new()
    {
        Table = "GenerationTasks",
        // A task put back after a transient model failure waits out its NotBeforeUtc.
        Waiting = now => t => t.Status == GenerationTaskStatus.Pending && (t.NotBeforeUtc == null || t.NotBeforeUtc <= now),
        Leased = t => t.Status == GenerationTaskStatus.Claimed,
        MarkLeased = s => s.SetProperty(t => t.Status, GenerationTaskStatus.Claimed),
        WaitingSql = """c."Status" = 'Pending' AND (c."NotBeforeUtc" IS NULL OR c."NotBeforeUtc" <= @now)""",
        LeasedSql = """c."Status" = 'Claimed'""",
        MarkLeasedSql = """ "Status" = 'Claimed'""",
    };

    /// <summary>Tasks of active runs, or of <paramref name="runId"/> only.</summary>
    public static LeaseFilter<GenerationTask> OfActiveRuns(Guid? runId) => new(
        (db, tasks) =>
        {
            tasks = tasks.Where(t => db.GenerationRuns.Any(r => r.Id == t.RunId && !r.CancelRequested &&
                                                              (r.Status == RunStatus.Queued || r.Status == RunStatus.Running)));
            if (runId is { } id) tasks = tasks.Where(t => t.RunId == id);
            return tasks.OrderBy(t => t.RunId).ThenBy(t => t.Ordinal);
        },
        """JOIN "GenerationRuns" AS r ON r."Id" = c."RunId" """,
        """AND r."Status" IN ('Queued', 'Running') AND NOT r."CancelRequested" AND (@run IS NULL OR c."RunId" = @run)""",
        """r."CreatedUtc", c."Ordinal" """,
        [new NpgsqlParameter("run", NpgsqlDbType.Uuid) { Value = runId is { } r ? r : DBNull.Value }]);
}
