using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Npgsql;
using NpgsqlTypes;

namespace ContentStudio.Core.Data.Leasing;

/// <summary>The one way durable work is taken: a row is claimed with a lease that is committed before any work starts,
/// so a worker that dies leaves a lease that simply runs out and another worker takes the row over (at least once).
/// Generation tasks and outbox deliveries both claim through here; each describes its table in a
/// <see cref="LeaseQueue{T}"/>. SQLite has no row locks but serialises writers: candidates are read, then each is taken
/// with an UPDATE that only matches while the row is still claimable, so of two workers exactly one sees "1 row".
/// PostgreSQL locks claimable rows, skipping rows another worker is claiming right now, and marks them in one statement.</summary>
internal static class LeasedWork
{
    // The lease columns every leased table has.
    public const string OwnerColumn = "LeaseOwner", ExpiresColumn = "LeaseExpiresUtc", AttemptsColumn = "Attempts";

    /// <summary>A worker's identity in LeaseOwner: machine, process and a random part, so two workers in one process
    /// (two dispatchers in a test, a web app and a CLI on one host) never share one.</summary>
    public static string NewWorkerId() => $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..12]}";

    /// <summary>Claims up to <paramref name="max"/> rows of <paramref name="queue"/> for <paramref name="owner"/> until
    /// <paramref name="now"/> + <paramref name="lease"/>; the claim is committed when this returns.</summary>
    public static Task<IReadOnlyList<Guid>> ClaimAsync<T>(StudioDbContext db, LeaseQueue<T> queue, LeaseFilter<T> filter, string owner,
        int max, DateTime now, TimeSpan lease, CancellationToken ct) where T : class =>
        db.Database.IsNpgsql()
            ? ClaimWithSkipLockedAsync(db, queue, filter, owner, max, now, lease, ct)
            : ClaimWithConditionalUpdateAsync(db, queue, filter, owner, max, now, lease, ct);

    /// <summary>The lease condition, stated once: waiting, or leased by a worker whose lease has run out.</summary>
    public static Expression<Func<T, bool>> Claimable<T>(LeaseQueue<T> queue, DateTime now) where T : class
    {
        var row = Expression.Parameter(typeof(T), "row");
        Expression<Func<T, bool>> expired = t => EF.Property<DateTime?>(t, ExpiresColumn) < now;
        var body = Expression.OrElse(Rebind(queue.Waiting(now), row),
            Expression.AndAlso(Rebind(queue.Leased, row), Rebind(expired, row)));
        return Expression.Lambda<Func<T, bool>>(body, row);
    }

    /// <summary>Whether <paramref name="owner"/> still holds the row: its lease, not taken over since.</summary>
    public static Expression<Func<T, bool>> HeldBy<T>(LeaseQueue<T> queue, Guid id, string owner) where T : class
    {
        var row = Expression.Parameter(typeof(T), "row");
        Expression<Func<T, bool>> mine = t => EF.Property<Guid>(t, "Id") == id && EF.Property<string?>(t, OwnerColumn) == owner;
        return Expression.Lambda<Func<T, bool>>(Expression.AndAlso(Rebind(mine, row), Rebind(queue.Leased, row)), row);
    }

    /// <summary>Pushes the lease of a row <paramref name="owner"/> still holds to <paramref name="expires"/>; false when it
    /// no longer holds it (finished, cancelled or taken over).</summary>
    public static async Task<bool> RenewAsync<T>(StudioDbContext db, LeaseQueue<T> queue, Guid id, string owner, DateTime expires,
        CancellationToken ct) where T : class =>
        await db.Set<T>().Where(HeldBy(queue, id, owner))
            .ExecuteUpdateAsync(s => s.SetProperty(t => EF.Property<DateTime?>(t, ExpiresColumn), expires), ct) == 1;

    private static async Task<IReadOnlyList<Guid>> ClaimWithConditionalUpdateAsync<T>(StudioDbContext db, LeaseQueue<T> queue,
        LeaseFilter<T> filter, string owner, int max, DateTime now, TimeSpan lease, CancellationToken ct) where T : class
    {
        var expires = now + lease;
        var claimable = Claimable(queue, now);
        // More candidates than needed: another worker may take some between this read and the updates.
        var candidates = await filter.Linq(db, db.Set<T>().Where(claimable)).Select(t => EF.Property<Guid>(t, "Id")).Take(max * 2).ToListAsync(ct);
        var claimed = new List<Guid>();
        foreach (var id in candidates)
        {
            var taken = await db.Set<T>().Where(claimable).Where(t => EF.Property<Guid>(t, "Id") == id)
                .ExecuteUpdateAsync(s =>
                {
                    queue.MarkLeased(s);
                    s.SetProperty(t => EF.Property<string?>(t, OwnerColumn), owner)
                     .SetProperty(t => EF.Property<DateTime?>(t, ExpiresColumn), expires)
                     .SetProperty(t => EF.Property<int>(t, AttemptsColumn), t => EF.Property<int>(t, AttemptsColumn) + 1);
                }, ct);
            if (taken == 1) claimed.Add(id);
            if (claimed.Count == max) break;
        }
        return claimed;
    }

    private static async Task<IReadOnlyList<Guid>> ClaimWithSkipLockedAsync<T>(StudioDbContext db, LeaseQueue<T> queue,
        LeaseFilter<T> filter, string owner, int max, DateTime now, TimeSpan lease, CancellationToken ct) where T : class
    {
        var sql = $"""
            UPDATE "{queue.Table}" AS m
            SET {queue.MarkLeasedSql}, "{OwnerColumn}" = @owner, "{ExpiresColumn}" = @expires, "{AttemptsColumn}" = m."{AttemptsColumn}" + 1
            WHERE m."Id" IN (
                SELECT c."Id" FROM "{queue.Table}" AS c {filter.SqlJoin}
                WHERE ({queue.WaitingSql} OR ({queue.LeasedSql} AND c."{ExpiresColumn}" < @now)) {filter.SqlWhere}
                ORDER BY {filter.SqlOrder}
                LIMIT @max
                FOR UPDATE OF c SKIP LOCKED)
            RETURNING m."Id" AS "Value"
            """;
        NpgsqlParameter[] parameters =
        [
            new("owner", NpgsqlDbType.Text) { Value = owner },
            new("expires", NpgsqlDbType.TimestampTz) { Value = now + lease },
            new("now", NpgsqlDbType.TimestampTz) { Value = now },
            new("max", NpgsqlDbType.Integer) { Value = max },
            .. filter.SqlParameters,
        ];
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ids = await db.Database.SqlQueryRaw<Guid>(sql, parameters).ToListAsync(ct);
        await tx.CommitAsync(ct);
        return ids;
    }

    private static Expression Rebind<T>(Expression<Func<T, bool>> lambda, ParameterExpression row) =>
        new Rebinder(lambda.Parameters[0], row).Visit(lambda.Body);

    private sealed class Rebinder(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}

/// <summary>A leased table: which rows wait for a worker, which are leased, and how a claim marks a row — once in LINQ
/// (SQLite) and once in SQL (PostgreSQL's SKIP LOCKED statement, rows aliased <c>c</c>).</summary>
internal sealed class LeaseQueue<T> where T : class
{
    public required string Table { get; init; }
    /// <summary>Waiting for a worker at <c>now</c> (Pending, and due where rows have a due time).</summary>
    public required Func<DateTime, Expression<Func<T, bool>>> Waiting { get; init; }
    /// <summary>Held by a worker (Claimed, Sending): taken over only once its lease has run out.</summary>
    public required Expression<Func<T, bool>> Leased { get; init; }
    public required Action<UpdateSettersBuilder<T>> MarkLeased { get; init; }
    public required string WaitingSql { get; init; }
    public required string LeasedSql { get; init; }
    public required string MarkLeasedSql { get; init; }
}

/// <summary>What one claim adds to the queue's own condition: further conditions and the order, in LINQ and in SQL.</summary>
internal sealed record LeaseFilter<T>(
    Func<StudioDbContext, IQueryable<T>, IQueryable<T>> Linq,
    string SqlJoin, string SqlWhere, string SqlOrder, IReadOnlyList<NpgsqlParameter> SqlParameters) where T : class;
