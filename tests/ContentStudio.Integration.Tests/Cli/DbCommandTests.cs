using Microsoft.EntityFrameworkCore;

namespace ContentStudio.Integration.Tests.Cli;

/// <summary>`studio db migrate` on a fresh data folder.</summary>
public sealed class DbCommandTests : IDisposable
{
    readonly CliWorkspace _workspace = CliWorkspace.Sqlite();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task MigrateCreatesTheSqliteFileWithEveryMigrationAppliedAndCanBeRepeated()
    {
        File.Exists(_workspace.SqlitePath).ShouldBeFalse();

        var result = await _workspace.RunAsync("db", "migrate");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.StdOut.ShouldContain("database is up to date");
        File.Exists(_workspace.SqlitePath).ShouldBeTrue();
        await using var db = _workspace.Db();
        (await db.Database.GetAppliedMigrationsAsync()).ShouldNotBeEmpty();
        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        (await db.GenerationRuns.CountAsync()).ShouldBe(0);

        var again = await _workspace.RunAsync("db", "migrate");
        again.ExitCode.ShouldBe(0, again.ToString());
    }
}
