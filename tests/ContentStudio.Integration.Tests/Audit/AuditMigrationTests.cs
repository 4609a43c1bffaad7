using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ContentStudio.Core.Audit;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Data.Migrations;
using ContentStudio.Integration.Tests.Infrastructure;

namespace ContentStudio.Integration.Tests.Audit;

/// <summary>The audit log across schema changes: a log written before the key carries on keyed, and no rollback
/// destroys audit events (it keeps them or refuses with a message saying why).</summary>
public abstract class AuditMigrationTests : StudioTests
{
    private const string BeforeKey = "20261129000008_QueueAgeOrder";
    private const string Initial = "20261129000001_Initial";

    private AuditVerifier Verifier => Studio.Get<AuditVerifier>();

    private async Task MigrateToAsync(string? target = null)
    {
        await using var db = Studio.Db();
        await db.GetService<IMigrator>().MigrateAsync(target);
    }

    /// <summary>Events as the release before the key wrote them: plain SHA-256, no ChainVersion column yet.</summary>
    private async Task InsertUnkeyedAsync(int count)
    {
        await using var db = Studio.Db();
        var previous = AuditHash.Genesis;
        for (var i = 1; i <= count; i++)
        {
            var e = new AuditEvent
            {
                Sequence = i, AtUtc = AuditHash.Truncate(new DateTime(2026, 11, 1, 8, 0, i, DateTimeKind.Utc).AddTicks(1_234_567)),
                Actor = $"old{i}@example.com", Action = AuditActions.SignInFailed, EntityType = "User", EntityId = $"old{i}",
                DataJson = $$"""{"attempt":{{i}}}""", PreviousHash = previous,
            };
            e.Hash = AuditHash.Unkeyed(e);
            // Microsoft.Data.Sqlite would bind a Guid as a blob; EF stores it as text there.
            object id = Studio.Provider == DatabaseProvider.Sqlite ? e.Id.ToString().ToUpperInvariant() : e.Id;
            await db.Database.ExecuteSqlRawAsync(
                """INSERT INTO "AuditEvents" ("Id", "Sequence", "AtUtc", "Actor", "Action", "EntityType", "EntityId", "DataJson", "PreviousHash", "Hash") VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9})""",
                [id, e.Sequence, e.AtUtc, e.Actor, e.Action, e.EntityType, e.EntityId, e.DataJson, e.PreviousHash, e.Hash]);
            previous = e.Hash;
        }
    }

    private async Task<long> CountAsync()
    {
        await using var db = Studio.Db();
        return await db.Database.SqlQueryRaw<long>("""SELECT COUNT(*) AS "Value" FROM "AuditEvents" """).SingleAsync();
    }

    private static async Task<string> RefusalAsync(Func<Task> rollback)
    {
        try { await rollback(); }
        catch (Exception e) { return e.Message; }
        throw new ShouldAssertException("The rollback went through although it would destroy audit events.");
    }

    [Fact]
    public async Task AnUnkeyedLogCarriesOnKeyedFromItsLastEvent()
    {
        await MigrateToAsync(BeforeKey);
        await InsertUnkeyedAsync(3);
        await MigrateToAsync();

        await AuditTamper.RecordAsync(Studio, 2);

        var events = await AuditTamper.EventsAsync(Studio);
        events.Select(e => e.ChainVersion).ShouldBe([0, 0, 0, 1, 1]);
        events[3].PreviousHash.ShouldBe(events[2].Hash);
        var result = await Verifier.VerifyAsync();
        (result.Ok, result.EventsChecked, result.Problem).ShouldBe((true, 5L, (string?)null));
    }

    [Fact]
    public async Task AnEditedUnkeyedEventIsStillNamed()
    {
        await MigrateToAsync(BeforeKey);
        await InsertUnkeyedAsync(3);
        await MigrateToAsync();
        await AuditTamper.RecordAsync(Studio, 1);

        await AuditTamper.RunAsync(Studio, """UPDATE "AuditEvents" SET "Actor" = 'mallory' WHERE "Sequence" = 2""");

        var result = await Verifier.VerifyAsync();
        (result.Ok, result.Position).ShouldBe((false, 2L));
        result.Problem!.ShouldStartWith("Audit event 2 was changed");
    }

    [Fact]
    public async Task RollingBackOneReleaseKeepsEveryAuditEvent()
    {
        var before = await AuditTamper.RecordAsync(Studio, 3);

        (await RefusalAsync(() => MigrateToAsync(BeforeKey))).ShouldContain(AuditChainKeyMigration.RollbackRefused);

        (await AuditTamper.EventsAsync(Studio)).Select(e => (e.Sequence, e.Hash)).ShouldBe(before.Select(e => (e.Sequence, e.Hash)));
        await using (var db = Studio.Db()) (await db.Database.GetAppliedMigrationsAsync()).ShouldContain("20261207000009_AuditChainKey");
        (await Verifier.VerifyAsync()).Ok.ShouldBeTrue();
    }

    [Fact]
    public async Task RollingBackOneReleaseOverAnUnkeyedLogKeepsItsRowsAndTriggers()
    {
        await MigrateToAsync(BeforeKey);
        await InsertUnkeyedAsync(2);
        await MigrateToAsync();

        await MigrateToAsync(BeforeKey);

        (await CountAsync()).ShouldBe(2);
        await using (var db = Studio.Db())
            (await RefusalAsync(() => db.Database.ExecuteSqlRawAsync("""DELETE FROM "AuditEvents" """))).ShouldContain("audit events are append-only");
        await MigrateToAsync();
        (await Verifier.VerifyAsync()).ShouldSatisfyAllConditions(r => r.Ok.ShouldBeTrue(), r => r.EventsChecked.ShouldBe(2));
    }

    [Fact]
    public async Task RollingBackPastTheAuditTableIsRefusedWhileItHoldsEvents()
    {
        await MigrateToAsync(BeforeKey);
        await InsertUnkeyedAsync(2);
        await MigrateToAsync();

        (await RefusalAsync(() => MigrateToAsync(Initial))).ShouldContain(ReviewAndAudit.RollbackRefused);

        await MigrateToAsync();
        (await CountAsync()).ShouldBe(2);
        (await Verifier.VerifyAsync()).Ok.ShouldBeTrue();
    }

    [Fact]
    public async Task AnEmptyAuditTableRollsBackToInitialAndUpAgainWithItsTriggers()
    {
        await MigrateToAsync(Initial);
        await using (var db = Studio.Db()) (await db.Database.GetAppliedMigrationsAsync()).ShouldBe([Initial]);
        await MigrateToAsync();

        await AuditTamper.RecordAsync(Studio, 1);
        await using var check = Studio.Db();
        (await RefusalAsync(() => check.AuditEvents.ExecuteDeleteAsync())).ShouldContain("audit events are append-only");
    }
}

public sealed class SqliteAuditMigrationTests : AuditMigrationTests
{
    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync() =>
        Task.FromResult<(DatabaseProvider, string, Action?)>(TestDatabases.Sqlite());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresAuditMigrationTests(PostgresServer server) : AuditMigrationTests
{
    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync() =>
        TestDatabases.PostgresAsync(server, nameof(PostgresAuditMigrationTests));
}
