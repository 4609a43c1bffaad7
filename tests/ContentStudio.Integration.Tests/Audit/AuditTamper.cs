using Microsoft.EntityFrameworkCore;
using ContentStudio.Core.Audit;
using ContentStudio.Core.Configuration;
using ContentStudio.Integration.Tests.Infrastructure;

namespace ContentStudio.Integration.Tests.Audit;

/// <summary>What an attacker with write access to the database does to the audit log, on either provider, and the
/// small helpers the audit tests share.</summary>
internal static class AuditTamper
{
    /// <summary>Runs <paramref name="sql"/> with the append-only triggers out of the way, as someone with owner rights
    /// on the database (or the SQLite file) could. SQLite: the triggers are dropped for good.</summary>
    public static async Task RunAsync(TestStudio studio, string sql)
    {
        await using var db = studio.Db();
        if (studio.Provider == DatabaseProvider.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("""DROP TRIGGER IF EXISTS "AuditEvents_NoUpdate"; DROP TRIGGER IF EXISTS "AuditEvents_NoDelete";""");
            await db.Database.ExecuteSqlRawAsync(Literal(sql));
            return;
        }
        // The test server's user is a superuser and owns the table, so it may switch the triggers off.
        await db.Database.ExecuteSqlRawAsync("""ALTER TABLE "AuditEvents" DISABLE TRIGGER USER""");
        await db.Database.ExecuteSqlRawAsync(Literal(sql));
        await db.Database.ExecuteSqlRawAsync("""ALTER TABLE "AuditEvents" ENABLE TRIGGER USER""");
    }

    /// <summary>Rewrites events from <paramref name="from"/> on after <paramref name="change"/>, re-hashing each and
    /// re-linking the rest with <paramref name="hash"/> (plain SHA-256 for an attacker without the key).</summary>
    public static async Task RewriteTailAsync(TestStudio studio, long from, Action<AuditEvent> change, Func<AuditEvent, string> hash)
    {
        var events = await EventsAsync(studio);
        var previous = events.Single(e => e.Sequence == from - 1).Hash;
        var statements = new List<string>();
        foreach (var e in events.Where(e => e.Sequence >= from))
        {
            if (e.Sequence == from) change(e);
            e.PreviousHash = previous;
            e.Hash = hash(e);
            previous = e.Hash;
            statements.Add($"""UPDATE "AuditEvents" SET "DataJson" = '{e.DataJson}', "ChainVersion" = {e.ChainVersion}, "PreviousHash" = '{e.PreviousHash}', "Hash" = '{e.Hash}' WHERE "Sequence" = {e.Sequence}""");
        }
        foreach (var sql in statements) await RunAsync(studio, sql);
    }

    public static async Task<List<AuditEvent>> RecordAsync(TestStudio studio, int count)
    {
        var log = studio.Get<AuditLog>();
        for (var i = 1; i <= count; i++)
            await log.RecordAsync(new AuditEntry($"user{i}@example.com", AuditActions.SignInFailed, "User", $"user{i}", new { attempt = i }));
        return await EventsAsync(studio);
    }

    public static async Task<List<AuditEvent>> EventsAsync(TestStudio studio)
    {
        await using var db = studio.Db();
        return await db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
    }

    /// <summary>ExecuteSqlRaw treats braces as parameter placeholders; the tamper statements carry JSON.</summary>
    public static string Literal(string sql) => sql.Replace("{", "{{").Replace("}", "}}");
}
