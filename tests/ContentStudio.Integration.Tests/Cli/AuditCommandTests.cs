using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ContentStudio.Core.Audit;
using ContentStudio.Core.Data;

namespace ContentStudio.Integration.Tests.Cli;

/// <summary>`studio audit verify` through the real process: 0 intact, 1 broken (naming the position), 2 when the
/// chain key is missing (naming the setting). Events are written through Core on the workspace's database and data
/// folder, so they are keyed with the key file the CLI reads.</summary>
public sealed class AuditCommandTests : IDisposable
{
    readonly CliWorkspace _workspace = CliWorkspace.Sqlite();

    public void Dispose() => _workspace.Dispose();

    async Task RecordAsync(int count)
    {
        Directory.CreateDirectory(_workspace.DataPath);
        await using var sp = _workspace.IdentityServices();
        await DatabaseInitializer.MigrateAsync(sp);
        var log = sp.GetRequiredService<AuditLog>();
        for (var i = 1; i <= count; i++) await log.RecordAsync(new AuditEntry($"user{i}", AuditActions.SignInFailed, "User", $"user{i}"));
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task ExitsZeroForAnIntactLogAndAnchorsItsHead()
    {
        await RecordAsync(3);

        var result = await _workspace.RunAsync("audit", "verify");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.StdOut.ShouldContain("audit log intact: 3 events", Case.Sensitive, result.ToString());
        File.ReadAllLines(Path.Combine(_workspace.DataPath, "audit-anchor.json")).Single().ShouldContain("\"sequence\":3");
    }

    [Fact]
    public async Task ExitsOneNamingThePositionOfAnEditedEvent()
    {
        await RecordAsync(4);
        await using (var db = _workspace.Db())
        {
            await db.Database.ExecuteSqlRawAsync("""DROP TRIGGER "AuditEvents_NoUpdate" """);
            await db.Database.ExecuteSqlRawAsync("""UPDATE "AuditEvents" SET "Actor" = 'mallory' WHERE "Sequence" = 2""");
        }
        SqliteConnection.ClearAllPools();

        var result = await _workspace.RunAsync("audit", "verify");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.StdErr.ShouldContain("audit log BROKEN at position 2: Audit event 2 was changed", Case.Sensitive, result.ToString());
    }

    [Fact]
    public async Task ExitsOneWhenTheNewestEventsWereDeletedAfterAVerify()
    {
        await RecordAsync(5);
        (await _workspace.RunAsync("audit", "verify")).ExitCode.ShouldBe(0);
        await using (var db = _workspace.Db())
        {
            await db.Database.ExecuteSqlRawAsync("""DROP TRIGGER "AuditEvents_NoDelete" """);
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "AuditEvents" WHERE "Sequence" >= 3""");
        }
        SqliteConnection.ClearAllPools();

        var result = await _workspace.RunAsync("audit", "verify");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.StdErr.ShouldContain("audit log BROKEN at position 3: The newest audit events are gone", Case.Sensitive, result.ToString());
    }

    [Fact]
    public async Task ExitsTwoNamingTheSettingWhenTheKeyIsMissing()
    {
        await RecordAsync(2);
        File.Delete(Path.Combine(_workspace.DataPath, "audit-chain.key"));

        var result = await _workspace.RunAsync("audit", "verify");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.StdErr.ShouldContain("audit log cannot be verified: the audit chain key is missing: set Audit:ChainKey", Case.Sensitive, result.ToString());
    }

    [Fact]
    public async Task ExitsTwoWhenTheKeyIsInASettingsFile()
    {
        _workspace.WriteFile("appsettings.json", """{ "Audit": { "ChainKey": "a-key-that-was-committed-by-mistake-0123456789" } }""");

        var result = await _workspace.RunAsync("audit", "verify");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.StdErr.ShouldContain("Audit:ChainKey must not be stored in", Case.Sensitive, result.ToString());
    }
}
