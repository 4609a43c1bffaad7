using ContentStudio.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace ContentStudio.Core.Publishing;

/// <summary>Takes due deliveries with a lease, committed before anything is sent: a dispatcher that dies mid-send
/// leaves leases that run out, and another dispatcher takes the rows over (at-least-once; receivers deduplicate
/// by the delivery id). Deliveries to disabled targets are not taken.</summary>
internal static class OutboxClaimer
{
    public static Task<IReadOnlyList<Guid>> ClaimAsync(StudioDbContext db, string owner, int max, DateTime now, TimeSpan lease, CancellationToken ct) =>
        db.Database.IsNpgsql()
            ? ClaimWithSkipLockedAsync(db, owner, max, now, lease, ct)
            : ClaimWithConditionalUpdateAsync(db, owner, max, now, lease, ct);

    /// <summary>SQLite has no row locks but serialises writers: one UPDATE takes every candidate that is still claimable
    /// when it runs, stamping a token unique to this claim; reading the token back tells which rows are ours.</summary>
    private static async Task<IReadOnlyList<Guid>> ClaimWithConditionalUpdateAsync(StudioDbContext db, string owner, int max,
        DateTime now, TimeSpan lease, CancellationToken ct)
    {
        var expires = now + lease;
        var candidates = await db.OutboxMessages
            .Where(m => ((m.Status == OutboxStatus.Pending && m.NextAttemptUtc <= now) ||
                         (m.Status == OutboxStatus.Sending && m.LeaseExpiresUtc < now)) &&
                        db.PublishTargets.Any(t => t.Id == m.TargetId && t.Enabled))
            .OrderBy(m => m.NextAttemptUtc).ThenBy(m => m.CreatedUtc)
            .Select(m => m.Id).Take(max).ToListAsync(ct);
        if (candidates.Count == 0) return [];
        var token = Guid.NewGuid();
        await db.OutboxMessages
            .Where(m => candidates.Contains(m.Id) && ((m.Status == OutboxStatus.Pending && m.NextAttemptUtc <= now) ||
                                                      (m.Status == OutboxStatus.Sending && m.LeaseExpiresUtc < now)))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sending)
                .SetProperty(m => m.LeaseOwner, owner).SetProperty(m => m.LeaseExpiresUtc, expires)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.ConcurrencyToken, token), ct);
        return await db.OutboxMessages.Where(m => candidates.Contains(m.Id) && m.ConcurrencyToken == token)
            .Select(m => m.Id).ToListAsync(ct);
    }

    /// <summary>PostgreSQL: lock due rows, skipping rows another dispatcher is claiming right now, mark them in one
    /// statement, and commit before the caller sends anything.</summary>
    private static async Task<IReadOnlyList<Guid>> ClaimWithSkipLockedAsync(StudioDbContext db, string owner, int max,
        DateTime now, TimeSpan lease, CancellationToken ct)
    {
        const string sql = """
            UPDATE "OutboxMessages" AS m
            SET "Status" = 'Sending', "LeaseOwner" = @owner, "LeaseExpiresUtc" = @expires, "Attempts" = m."Attempts" + 1,
                "ConcurrencyToken" = gen_random_uuid()
            WHERE m."Id" IN (
                SELECT c."Id" FROM "OutboxMessages" AS c
                JOIN "PublishTargets" AS t ON t."Id" = c."TargetId"
                WHERE t."Enabled"
                  AND ((c."Status" = 'Pending' AND c."NextAttemptUtc" <= @now)
                       OR (c."Status" = 'Sending' AND c."LeaseExpiresUtc" < @now))
                ORDER BY c."NextAttemptUtc", c."CreatedUtc"
                LIMIT @max
                FOR UPDATE OF c SKIP LOCKED)
            RETURNING m."Id" AS "Value"
            """;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ids = await db.Database.SqlQueryRaw<Guid>(sql,
            new NpgsqlParameter("owner", NpgsqlDbType.Text) { Value = owner },
            new NpgsqlParameter("expires", NpgsqlDbType.TimestampTz) { Value = now + lease },
            new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = now },
            new NpgsqlParameter("max", NpgsqlDbType.Integer) { Value = max }).ToListAsync(ct);
        await tx.CommitAsync(ct);
        return ids;
    }
}
