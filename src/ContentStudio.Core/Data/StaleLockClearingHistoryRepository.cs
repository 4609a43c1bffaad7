using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Sqlite.Migrations.Internal;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ContentStudio.Core.Configuration;

namespace ContentStudio.Core.Data;

/// <summary>Start-up gave up waiting for the migration lock another process holds.</summary>
public sealed class MigrationLockTimeoutException(string message) : Exception(message);

#pragma warning disable EF1001 // EF offers no public hook for its SQLite lock; subclassing its repository is the documented-by-source way.
/// <summary>EF's SQLite migration lock is a row in __EFMigrationsLock that it polls for ever. A process killed while
/// migrating leaves the row behind and every later start hangs without a word. This repository, before EF's own
/// acquisition, clears a row older than Database:MigrationLockStaleSeconds (with a warning), logs what it waits for
/// while a fresh row is held, and gives up with <see cref="MigrationLockTimeoutException"/> after
/// Database:MigrationLockTimeoutSeconds. PostgreSQL needs none of this: Npgsql's lock is a session advisory lock,
/// released by the server when its holder dies.</summary>
public sealed class StaleLockClearingHistoryRepository(HistoryRepositoryDependencies dependencies) : SqliteHistoryRepository(dependencies)
{
    const string Table = "__EFMigrationsLock";
    static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    public override IMigrationsDatabaseLock AcquireDatabaseLock() => AcquireDatabaseLockAsync().GetAwaiter().GetResult();

    public override async Task<IMigrationsDatabaseLock> AcquireDatabaseLockAsync(CancellationToken cancellationToken = default)
    {
        var (options, logger, clock) = Settings();
        var started = clock.GetTimestamp();
        var timeout = TimeSpan.FromSeconds(options.MigrationLockTimeoutSeconds);
        var stale = TimeSpan.FromSeconds(options.MigrationLockStaleSeconds);
        var announced = false;
        while (await ReadLockAsync(cancellationToken) is { } holder)
        {
            var age = holder.Taken is { } t ? clock.GetUtcNow() - t : TimeSpan.MaxValue;
            if (age >= stale)
            {
                logger.LogWarning("Cleared a stale database migration lock ({Table} row taken {Taken}, older than " +
                    "Database:MigrationLockStaleSeconds = {Stale} s): a migrator was probably killed mid-way",
                    Table, holder.Describe(), stale.TotalSeconds);
                await Command($"DELETE FROM \"{Table}\";").ExecuteNonQueryAsync(Parameters(), cancellationToken);
                break;
            }
            if (clock.GetElapsedTime(started) >= timeout) throw TimedOut(holder, options);
            if (!announced)
            {
                logger.LogWarning("Waiting for the database migration lock that another process took {Taken} ({Table} row). " +
                    "It is cleared once older than Database:MigrationLockStaleSeconds = {Stale} s; start-up gives up after " +
                    "Database:MigrationLockTimeoutSeconds = {Timeout} s", holder.Describe(), Table, stale.TotalSeconds, timeout.TotalSeconds);
                announced = true;
            }
            await Task.Delay(Poll, clock, cancellationToken);
        }

        // The lock looked free, but another process may take it first; EF then polls for ever: bound that wait too. EF
        // does not keep this token in the lock it returns, so the timer cannot disturb the lock's release later.
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(Max(timeout - clock.GetElapsedTime(started), TimeSpan.FromSeconds(1)));
        try
        {
            return await base.AcquireDatabaseLockAsync(bounded.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw TimedOut(await ReadLockAsync(CancellationToken.None) ?? new Holder(null), options);
        }
    }

    static MigrationLockTimeoutException TimedOut(Holder holder, DatabaseOptions options) => new(
        $"gave up after waiting {options.MigrationLockTimeoutSeconds} s (Database:MigrationLockTimeoutSeconds) for the database " +
        $"migration lock, which another process took {holder.Describe()} and still holds. If no other studio process is starting " +
        $"or running `studio db migrate`, the lock was left by a killed one: it is cleared automatically once older than " +
        $"Database:MigrationLockStaleSeconds ({options.MigrationLockStaleSeconds} s), or delete it now with DELETE FROM \"{Table}\";");

    static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>Who holds the lock: the time EF wrote into the row, null when it cannot be read (its age is then unknown
    /// and the row counts as stale: nothing alive writes such a row).</summary>
    sealed record Holder(DateTimeOffset? Taken)
    {
        public string Describe() => Taken is { } t ? "at " + t.UtcDateTime.ToString("u", CultureInfo.InvariantCulture) : "at an unreadable time";
    }

    /// <summary>The lock row, or null when nobody holds the lock (no table yet, or no row).</summary>
    async Task<Holder?> ReadLockAsync(CancellationToken ct)
    {
        var tables = await Command($"SELECT COUNT(*) FROM \"sqlite_master\" WHERE \"name\" = '{Table}' AND \"type\" = 'table';")
            .ExecuteScalarAsync(Parameters(), ct);
        if (Convert.ToInt64(tables, CultureInfo.InvariantCulture) == 0) return null;
        var value = await Command($"SELECT \"Timestamp\" FROM \"{Table}\" WHERE \"Id\" = 1;").ExecuteScalarAsync(Parameters(), ct);
        if (value is null or DBNull) return null;
        return new Holder(DateTimeOffset.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out var taken) ? taken : null);
    }

    IRelationalCommand Command(string sql) => Dependencies.RawSqlCommandBuilder.Build(sql);

    RelationalCommandParameterObject Parameters() => new(Dependencies.Connection, null, null, Dependencies.CurrentContext.Context,
        Dependencies.CommandLogger, CommandSource.Migrations);

    /// <summary>The app's settings and logger when the context came from DI (AddStudioData); defaults otherwise (tests
    /// and tools that build the context from <see cref="StudioDatabase.CreateOptions"/>). The clock is always the real
    /// one: EF stamps the row with the real time, and a test's manual clock would never let the wait end.</summary>
    (DatabaseOptions, ILogger, TimeProvider) Settings()
    {
        var app = Dependencies.CurrentContext.Context.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider;
        var options = app?.GetService<IOptions<DatabaseOptions>>()?.Value ?? new DatabaseOptions();
        var logger = app?.GetService<ILoggerFactory>()?.CreateLogger("ContentStudio.Startup") ?? NullLogger.Instance;
        return (options, logger, TimeProvider.System);
    }
}
#pragma warning restore EF1001
