using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ContentStudio.Core.Data;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Audit;

/// <summary>Appends events to the hash-chained audit log. <see cref="AppendAsync"/> joins the caller's transaction, so
/// the event commits together with the change it describes or not at all; <see cref="RecordAsync"/> is for events
/// with no other change (a failed sign-in, a template release). Every new event is keyed (HMAC with
/// <see cref="AuditChainKey"/>); the first keyed event links to the last unkeyed one, so an old log carries on.</summary>
public sealed class AuditLog(IDbContextFactory<StudioDbContext> dbFactory, TimeProvider clock, AuditChainKey keys, AuditAnchor anchor)
{
    // Any constant will do; it only has to be the same for every writer of the log.
    private const long AppendLockKey = 0x4353_4175_6469_74; // "CSAudit"
    // Enums by name: a detail such as a review state reads as "Approved", never as a number.
    private static JsonSerializerOptions Json => StudioJson.Options;

    /// <summary>Serialises appends until the caller's transaction ends. PostgreSQL: a transaction-scoped advisory lock
    /// (two appends reading the same last event would otherwise fork the chain; the unique Sequence index would catch
    /// it, but waiting is cheaper than retrying). SQLite: nothing to do, the transaction already holds the write lock
    /// (Microsoft.Data.Sqlite begins transactions IMMEDIATE). Taking it early also orders the caller's reads.</summary>
    public static async Task LockAsync(StudioDbContext db, CancellationToken ct = default)
    {
        RequireTransaction(db);
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [AppendLockKey], ct);
    }

    /// <summary>Adds the next event to <paramref name="db"/> (saved by the caller's SaveChanges). Must run inside the
    /// caller's transaction. Several appends before one SaveChanges chain onto each other.</summary>
    public async Task<AuditEvent> AppendAsync(StudioDbContext db, AuditEntry entry, CancellationToken ct = default)
    {
        Validate(entry);
        await LockAsync(db, ct);
        var (sequence, previousHash, previousVersion) = await LastAsync(db, ct);
        // A new key is only safe while no keyed event exists; after that a lost key must stop the writer, not fork
        // the chain onto a key nobody can verify the older events with.
        var key = previousVersion == AuditChainVersions.Unkeyed ? keys.GetOrCreate() : keys.TryGet() ?? throw keys.Missing();
        var e = new AuditEvent
        {
            Sequence = sequence + 1,
            AtUtc = AuditHash.Truncate(clock.GetUtcNow().UtcDateTime),
            Actor = entry.Actor.Trim(),
            Action = entry.Action,
            EntityType = entry.EntityType,
            EntityId = entry.EntityId,
            DataJson = entry.Data is null ? "{}" : JsonSerializer.Serialize(entry.Data, Json),
            PreviousHash = previousHash,
            ChainVersion = AuditChainVersions.Current,
        };
        e.Hash = AuditHash.Compute(e, key);
        db.AuditEvents.Add(e);
        anchor.NoteAppended(e.Sequence);
        return e;
    }

    /// <summary>Records one event in its own transaction.</summary>
    public Task<AuditEvent> RecordAsync(AuditEntry entry, CancellationToken ct = default) =>
        AuditedTransaction.RunAsync(dbFactory, async db =>
        {
            var e = await AppendAsync(db, entry, ct);
            await db.SaveChangesAsync(ct);
            return e;
        }, ct);

    /// <summary>The newest event, counting ones added to this context but not saved yet.</summary>
    private static async Task<(long Sequence, string Hash, int ChainVersion)> LastAsync(StudioDbContext db, CancellationToken ct)
    {
        var pending = db.ChangeTracker.Entries<AuditEvent>()
            .Where(x => x.State == EntityState.Added).Select(x => x.Entity).MaxBy(x => x.Sequence);
        if (pending is not null) return (pending.Sequence, pending.Hash, pending.ChainVersion);
        var last = await db.AuditEvents.AsNoTracking().OrderByDescending(x => x.Sequence)
            .Select(x => new { x.Sequence, x.Hash, x.ChainVersion }).FirstOrDefaultAsync(ct);
        return last is null ? (0, AuditHash.Genesis, AuditChainVersions.Unkeyed) : (last.Sequence, last.Hash, last.ChainVersion);
    }

    private static void Validate(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (string.IsNullOrWhiteSpace(entry.Action)) throw new ArgumentException("An audit event needs an Action (e.g. review.approved).", nameof(entry));
        if (string.IsNullOrWhiteSpace(entry.EntityType)) throw new ArgumentException("An audit event needs an EntityType (e.g. Variant).", nameof(entry));
        if (entry.Actor is null || entry.EntityId is null) throw new ArgumentException("An audit event needs an Actor and an EntityId (empty strings are allowed, null is not).", nameof(entry));
    }

    private static void RequireTransaction(StudioDbContext db)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException(
                "Audit events are appended inside the caller's transaction so they commit with the change they describe: " +
                "begin one first, or use AuditLog.RecordAsync for an event on its own.");
    }
}
