using System.Globalization;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Data;
using ContentStudio.Integration.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContentStudio.Integration.Tests.Data;

/// <summary>EF's SQLite migration lock is a row a killed migrator leaves behind; start-up must neither hang on it
/// silently nor steal a lock that a live migrator holds.</summary>
public sealed class MigrationLockTests : IDisposable
{
    readonly string _folder = Path.Combine(Path.GetTempPath(), "contentstudio-lock-" + Guid.NewGuid().ToString("N")[..10]);
    readonly CapturingLoggerProvider _log = new();
    string DbFile => Path.Combine(_folder, StudioDatabase.SqliteFileName);

    ServiceProvider Build(int staleSeconds, int timeoutSeconds)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(_log));
        services.Configure<StudioOptions>(o => o.DataPath = _folder);
        services.Configure<DatabaseOptions>(o => { o.MigrationLockStaleSeconds = staleSeconds; o.MigrationLockTimeoutSeconds = timeoutSeconds; });
        return services.AddStudioData().BuildServiceProvider();
    }

    /// <summary>What a migrator killed after its first migration leaves: that migration applied and its lock row,
    /// stamped the way EF stamps it.</summary>
    async Task LeaveHalfMigratedWithLockAsync(ServiceProvider services, DateTimeOffset taken)
    {
        await using (var db = await services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync())
            await db.GetService<IMigrator>().MigrateAsync("20261129000001_Initial");
        await using var connection = new SqliteConnection($"Data Source={DbFile}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS "__EFMigrationsLock" ("Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY, "Timestamp" TEXT NOT NULL);
            INSERT INTO "__EFMigrationsLock" ("Id", "Timestamp") VALUES (1, $taken);
            """;
        command.Parameters.AddWithValue("$taken", taken.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync();
    }

    async Task<long> LockRowsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={DbFile}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT COUNT(*) FROM "__EFMigrationsLock";""";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task ClearsALockLeftByAKilledMigratorAndFinishesTheMigrationWithAWarning()
    {
        await using var services = Build(staleSeconds: 60, timeoutSeconds: 600);
        await LeaveHalfMigratedWithLockAsync(services, DateTimeOffset.UtcNow.AddMinutes(-10));

        // Old behaviour: EF polls the row for ever. The bound is roomy for a loaded machine; the wait it guards is infinite.
        await DatabaseInitializer.MigrateAsync(services).WaitAsync(TimeSpan.FromSeconds(30));

        await using var db = await services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        (await LockRowsAsync()).ShouldBe(0);
        _log.Entries.ShouldContain(e => e.Level == LogLevel.Warning && e.Message.Contains("Cleared a stale database migration lock"));
    }

    [Fact]
    public async Task GivesUpOnALiveLockAfterTheBoundSayingWhatHoldsItAndLeavesTheLock()
    {
        await using var services = Build(staleSeconds: 600, timeoutSeconds: 2);
        await LeaveHalfMigratedWithLockAsync(services, DateTimeOffset.UtcNow);

        var error = await Should.ThrowAsync<MigrationLockTimeoutException>(() => DatabaseInitializer.MigrateAsync(services).WaitAsync(TimeSpan.FromSeconds(30)));

        error.Message.ShouldContain("gave up after waiting 2 s (Database:MigrationLockTimeoutSeconds)");
        error.Message.ShouldContain("Database:MigrationLockStaleSeconds (600 s)");
        _log.Entries.ShouldContain(e => e.Level == LogLevel.Warning && e.Message.Contains("Waiting for the database migration lock"));
        (await LockRowsAsync()).ShouldBe(1); // a live migrator's lock is not taken away from it
    }

    /// <summary>A migrator killed just after SQLite created the file leaves it empty, not yet in WAL mode. EF checks
    /// that the database exists on a read-only connection; the sharing pragmas must not try to switch that one to WAL
    /// ("attempt to write a readonly database" failed the next start).</summary>
    [Fact]
    public async Task MigratesAnEmptyFileAKilledMigratorLeftBehind()
    {
        Directory.CreateDirectory(_folder);
        await File.WriteAllBytesAsync(DbFile, []);
        await using var services = Build(staleSeconds: 60, timeoutSeconds: 600);

        await DatabaseInitializer.MigrateAsync(services).WaitAsync(TimeSpan.FromSeconds(30));

        await using var db = await services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        await using var connection = new SqliteConnection($"Data Source={DbFile}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        ((string)(await command.ExecuteScalarAsync())!).ShouldBe("wal");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, true);
    }
}
