using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace ContentStudio.Integration.Tests.Cli;

/// <summary>A `studio db migrate` killed ten times at random moments (before, during or after migrating) never bricks the next
/// start: a lock row it leaves is cleared once stale (3 s here) and the migration completes.</summary>
public sealed class KilledMigrationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TheStartAfterAKilledMigratorAlwaysMigratesToTheEnd()
    {
        var random = new Random();
        for (var i = 0; i < 10; i++)
        {
            using var workspace = CliWorkspace.Sqlite();
            workspace.Environment["Database__MigrationLockStaleSeconds"] = "3";
            workspace.Environment["Database__MigrationLockTimeoutSeconds"] = "60";
            using (var victim = workspace.Start("db", "migrate"))
            {
                // The database file appears when the process starts migrating; kill somewhere in the next moments.
                var started = DateTime.UtcNow;
                while (!File.Exists(workspace.SqlitePath) && !victim.HasExited && DateTime.UtcNow - started < CliWorkspace.Timeout)
                    await Task.Delay(5);
                await Task.Delay(random.Next(0, 250));
                victim.Kill();
            }
            var lockLeft = LockRows(workspace.SqlitePath);
            SqliteConnection.ClearAllPools();

            var next = await workspace.RunAsync("db", "migrate");

            output.WriteLine($"iteration {i}: lock row left by the killed migrator: {lockLeft}; next start: exit {next.ExitCode}");
            next.ExitCode.ShouldBe(0, next.ToString());
            await using var db = workspace.Db();
            (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
            LockRows(workspace.SqlitePath).ShouldBe(0);
            SqliteConnection.ClearAllPools();
        }
    }

    static long LockRows(string file)
    {
        if (!File.Exists(file)) return 0;
        using var connection = new SqliteConnection($"Data Source={file}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """SELECT COUNT(*) FROM "sqlite_master" WHERE "name" = '__EFMigrationsLock'""";
        if ((long)command.ExecuteScalar()! == 0) return 0;
        command.CommandText = """SELECT COUNT(*) FROM "__EFMigrationsLock";""";
        return (long)command.ExecuteScalar()!;
    }
}
