using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using ContentStudio.Core.Audit;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Review;
using ContentStudio.Integration.Tests.Infrastructure;

namespace ContentStudio.Integration.Tests.Audit;

/// <summary>The hash-chained, append-only audit log on a real database: the chain, the database's refusal to change
/// it, and the verifier naming where a tampered log breaks. Tampering itself has to get past the triggers first,
/// which each provider does its own way (<see cref="TamperAsync"/>).</summary>
public abstract class AuditLogTests : StudioTests
{
    private AuditLog Log => Studio.Get<AuditLog>();
    private AuditVerifier Verifier => Studio.Get<AuditVerifier>();

    protected override void ConfigureServices(IServiceCollection services) => services.AddReview();

    /// <summary>Runs <paramref name="sql"/> with the append-only triggers out of the way, as an attacker with
    /// owner rights on the database could.</summary>
    protected abstract Task TamperAsync(string sql);

    /// <summary>Statements the database itself must refuse on the audit table.</summary>
    protected abstract IReadOnlyList<string> ForbiddenStatements { get; }

    private async Task<List<AuditEvent>> RecordAsync(int count)
    {
        for (var i = 1; i <= count; i++)
            await Log.RecordAsync(new AuditEntry($"user{i}@example.com", AuditActions.SignInFailed, "User", $"user{i}", new { attempt = i }));
        return await EventsAsync();
    }

    private async Task<List<AuditEvent>> EventsAsync()
    {
        await using var db = Studio.Db();
        return await db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
    }

    [Fact]
    public async Task ChainsEveryEventToTheOneBefore()
    {
        var events = await RecordAsync(5);

        events.Select(e => e.Sequence).ShouldBe([1L, 2, 3, 4, 5]);
        events[0].PreviousHash.ShouldBe(AuditHash.Genesis);
        for (var i = 1; i < events.Count; i++) events[i].PreviousHash.ShouldBe(events[i - 1].Hash);
        var key = Studio.Get<AuditChainKey>().TryGet()!;
        events.ShouldAllBe(e => e.ChainVersion == AuditChainVersions.Keyed && e.Hash == AuditHash.Keyed(e, key)); // AtUtc and DataJson read back exactly as hashed
        events[2].DataJson.ShouldBe("""{"attempt":3}""");
        var result = await Verifier.VerifyAsync();
        (result.Ok, result.EventsChecked, result.Problem, result.Position).ShouldBe((true, 5L, (string?)null, (long?)null));
        result.HeadHash.ShouldBe(events[4].Hash);
    }

    [Fact]
    public async Task EmptyLogVerifies() =>
        (await Verifier.VerifyAsync()).ShouldBe(new AuditVerification(true, 0, null, null) { HeadHash = null, AnchorsChecked = 0 });

    [Fact]
    public async Task ConcurrentAppendsNeverForkTheChain()
    {
        await Task.WhenAll(Enumerable.Range(1, 50).Select(i => Task.Run(() =>
            Log.RecordAsync(new AuditEntry("ada@example.com", AuditActions.TemplateReleased, "Template", $"t{i}")))));

        var events = await EventsAsync();
        events.Select(e => e.Sequence).ShouldBe(Enumerable.Range(1, 50).Select(i => (long)i));
        events.Select(e => e.EntityId).Distinct().Count().ShouldBe(50);
        var result = await Verifier.VerifyAsync();
        (result.Ok, result.EventsChecked, result.HeadHash).ShouldBe((true, 50L, events[^1].Hash));
    }

    [Fact]
    public async Task EventCommitsOrRollsBackWithItsTransaction()
    {
        await using (var db = Studio.Db())
        {
            (await Should.ThrowAsync<InvalidOperationException>(() => Log.AppendAsync(db, new AuditEntry("a", "x.y", "Thing", "1"))))
                .Message.ShouldContain("inside the caller's transaction");
            await using var tx = await db.Database.BeginTransactionAsync();
            await Log.AppendAsync(db, new AuditEntry("a", "x.rolled-back", "Thing", "1"));
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
        }
        await using (var db = Studio.Db())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var first = await Log.AppendAsync(db, new AuditEntry("a", "x.first", "Thing", "1"));
            var second = await Log.AppendAsync(db, new AuditEntry("a", "x.second", "Thing", "1"));
            await db.SaveChangesAsync();
            await tx.CommitAsync();
            (first.Sequence, second.Sequence, second.PreviousHash).ShouldBe((1L, 2L, first.Hash));
        }

        (await EventsAsync()).Select(e => e.Action).ShouldBe(["x.first", "x.second"]);
        (await Verifier.VerifyAsync()).Ok.ShouldBeTrue();
    }

    [Fact]
    public async Task DatabaseRefusesToChangeOrDeleteEvents()
    {
        var before = await RecordAsync(3);

        await using (var db = Studio.Db())
        {
            (await Failure(() => db.AuditEvents.Where(e => e.Sequence == 2).ExecuteUpdateAsync(s => s.SetProperty(e => e.Actor, "mallory"))))
                .Message.ShouldContain("audit events are append-only");
            (await Failure(() => db.AuditEvents.Where(e => e.Sequence == 2).ExecuteDeleteAsync()))
                .Message.ShouldContain("audit events are append-only");
            foreach (var sql in ForbiddenStatements)
                (await Failure(() => db.Database.ExecuteSqlRawAsync(sql))).Message.ShouldContain("audit events are append-only", customMessage: sql);
        }

        (await EventsAsync()).Select(e => (e.Sequence, e.Actor, e.Hash)).ShouldBe(before.Select(e => (e.Sequence, e.Actor, e.Hash)));
        (await Verifier.VerifyAsync()).Ok.ShouldBeTrue();
    }

    [Fact]
    public async Task NamesTheEventWhoseDataWasChanged()
    {
        await RecordAsync(5);

        await TamperAsync("""UPDATE "AuditEvents" SET "DataJson" = '{"attempt":0}' WHERE "Sequence" = 3""");

        var result = await Verifier.VerifyAsync();
        (result.Ok, result.Position, result.EventsChecked).ShouldBe((false, 3L, 2L));
        result.Problem!.ShouldStartWith("Audit event 3 was changed");
    }

    [Fact]
    public async Task NamesTheGapLeftByADeletedEvent()
    {
        await RecordAsync(5);

        await TamperAsync("""DELETE FROM "AuditEvents" WHERE "Sequence" = 3""");

        var result = await Verifier.VerifyAsync();
        (result.Ok, result.Position).ShouldBe((false, 3L));
        result.Problem.ShouldBe("Audit events are missing: the sequence jumps from 2 to 4 (event 3 is gone).");
    }

    [Fact]
    public async Task NamesTheGapWhenTheFirstEventsAreDeleted()
    {
        await RecordAsync(4);

        await TamperAsync("""DELETE FROM "AuditEvents" WHERE "Sequence" <= 2""");

        var result = await Verifier.VerifyAsync();
        (result.Ok, result.Position, result.EventsChecked).ShouldBe((false, 1L, 0L));
        result.Problem!.ShouldContain("events 1 to 2 are gone");
    }

    [Fact]
    public async Task NamesAnEventRewrittenAndRehashedWithoutTheKey()
    {
        var events = await RecordAsync(5);
        var forged = events[2];
        forged.Actor = "someone-else@example.com";
        var hash = AuditHash.Unkeyed(forged); // all an attacker without the chain key can compute

        await TamperAsync($"""UPDATE "AuditEvents" SET "Actor" = '{forged.Actor}', "Hash" = '{hash}' WHERE "Sequence" = 3""");

        var result = await Verifier.VerifyAsync();
        (result.Ok, result.Position).ShouldBe((false, 3L));
        result.Problem!.ShouldStartWith("Audit event 3 was changed");
    }

    /// <summary>ExecuteSqlRaw treats braces as parameter placeholders; the tamper statements carry JSON.</summary>
    protected static string Literal(string sql) => sql.Replace("{", "{{").Replace("}", "}}");

    private static async Task<DbException> Failure(Func<Task> action)
    {
        try { await action(); }
        catch (DbException e) { return e; }
        throw new ShouldAssertException("The database accepted a change to the audit log.");
    }
}

public sealed class SqliteAuditLogTests : AuditLogTests
{
    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync() =>
        Task.FromResult<(DatabaseProvider, string, Action?)>(TestDatabases.Sqlite());

    protected override IReadOnlyList<string> ForbiddenStatements { get; } =
        ["""DELETE FROM "AuditEvents" """, """UPDATE "AuditEvents" SET "Hash" = 'x'"""];

    protected override async Task TamperAsync(string sql)
    {
        await using var db = Studio.Db();
        await db.Database.ExecuteSqlRawAsync("""DROP TRIGGER "AuditEvents_NoUpdate"; DROP TRIGGER "AuditEvents_NoDelete";""");
        await db.Database.ExecuteSqlRawAsync(Literal(sql));
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresAuditLogTests(PostgresServer server) : AuditLogTests
{
    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync() =>
        TestDatabases.PostgresAsync(server, nameof(PostgresAuditLogTests));

    protected override IReadOnlyList<string> ForbiddenStatements { get; } =
        ["""DELETE FROM "AuditEvents" """, """UPDATE "AuditEvents" SET "Hash" = 'x'""", """TRUNCATE "AuditEvents" """];

    // The test server's user is a superuser and owns the table, so it may switch the triggers off.
    protected override async Task TamperAsync(string sql)
    {
        await using var db = Studio.Db();
        await db.Database.ExecuteSqlRawAsync("""ALTER TABLE "AuditEvents" DISABLE TRIGGER USER""");
        await db.Database.ExecuteSqlRawAsync(Literal(sql));
        await db.Database.ExecuteSqlRawAsync("""ALTER TABLE "AuditEvents" ENABLE TRIGGER USER""");
    }
}
