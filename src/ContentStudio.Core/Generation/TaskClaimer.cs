using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using ContentStudio.Core.Data;

namespace ContentStudio.Core.Generation;

/// <summary>Takes tasks with a lease before any model is called. The claim is committed on its own, so a worker
/// that dies mid-call leaves a lease that simply runs out, and another worker takes the task.</summary>
internal static class TaskClaimer
{
    public static Task<IReadOnlyList<Guid>> ClaimAsync(StudioDbContext db, string owner, int max, Guid? runId,
        DateTime nowUtc, TimeSpan lease, CancellationToken ct) =>
        db.Database.IsNpgsql()
            ? ClaimWithSkipLockedAsync(db, owner, max, runId, nowUtc, lease, ct)
            : ClaimWithConditionalUpdateAsync(db, owner, max, runId, nowUtc, lease, ct);

    /// <summary>SQLite has no row locks: pick candidates, then take each with an UPDATE that only matches while the
    /// task is still claimable. SQLite serialises writers, so of two workers exactly one sees "1 row".</summary>
    private static async Task<IReadOnlyList<Guid>> ClaimWithConditionalUpdateAsync(StudioDbContext db, string owner, int max,
        Guid? runId, DateTime now, TimeSpan lease, CancellationToken ct)
    {
        var expires = now + lease;
        var candidates = await ClaimableQuery(db, runId, now).Select(t => t.Id).Take(max * 2).ToListAsync(ct);
        var claimed = new List<Guid>();
        foreach (var id in candidates)
        {
            var taken = await db.GenerationTasks
                .Where(t => t.Id == id && (t.Status == GenerationTaskStatus.Pending ||
                                           (t.Status == GenerationTaskStatus.Claimed && t.LeaseExpiresUtc < now)))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, GenerationTaskStatus.Claimed)
                    .SetProperty(t => t.LeaseOwner, owner).SetProperty(t => t.LeaseExpiresUtc, expires)
                    .SetProperty(t => t.Attempts, t => t.Attempts + 1), ct);
            if (taken == 1) claimed.Add(id);
            if (claimed.Count == max) break;
        }
        return claimed;
    }

    private static IQueryable<GenerationTask> ClaimableQuery(StudioDbContext db, Guid? runId, DateTime now)
    {
        var query = db.GenerationTasks.Where(t =>
            (t.Status == GenerationTaskStatus.Pending || (t.Status == GenerationTaskStatus.Claimed && t.LeaseExpiresUtc < now)) &&
            db.GenerationRuns.Any(r => r.Id == t.RunId && !r.CancelRequested &&
                                       (r.Status == RunStatus.Queued || r.Status == RunStatus.Running)));
        if (runId is { } id) query = query.Where(t => t.RunId == id);
        return query.OrderBy(t => t.RunId).ThenBy(t => t.Ordinal);
    }

    /// <summary>PostgreSQL: lock claimable rows, skipping rows another worker is claiming right now, and mark them
    /// in one statement, committed before the caller does any work.</summary>
    private static async Task<IReadOnlyList<Guid>> ClaimWithSkipLockedAsync(StudioDbContext db, string owner, int max,
        Guid? runId, DateTime now, TimeSpan lease, CancellationToken ct)
    {
        const string sql = """
            UPDATE "GenerationTasks" AS t
            SET "Status" = 'Claimed', "LeaseOwner" = @owner, "LeaseExpiresUtc" = @expires, "Attempts" = t."Attempts" + 1
            WHERE t."Id" IN (
                SELECT c."Id" FROM "GenerationTasks" AS c
                JOIN "GenerationRuns" AS r ON r."Id" = c."RunId"
                WHERE r."Status" IN ('Queued', 'Running') AND NOT r."CancelRequested"
                  AND (c."Status" = 'Pending' OR (c."Status" = 'Claimed' AND c."LeaseExpiresUtc" < @now))
                  AND (@run IS NULL OR c."RunId" = @run)
                ORDER BY r."CreatedUtc", c."Ordinal"
                LIMIT @max
                FOR UPDATE OF c SKIP LOCKED)
            RETURNING t."Id" AS "Value"
            """;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ids = await db.Database.SqlQueryRaw<Guid>(sql,
            new NpgsqlParameter("owner", NpgsqlDbType.Text) { Value = owner },
            new NpgsqlParameter("expires", NpgsqlDbType.TimestampTz) { Value = now + lease },
            new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = now },
            new NpgsqlParameter("run", NpgsqlDbType.Uuid) { Value = runId is { } r ? r : DBNull.Value },
            new NpgsqlParameter("max", NpgsqlDbType.Integer) { Value = max }).ToListAsync(ct);
        await tx.CommitAsync(ct);
        return ids;
    }
}
