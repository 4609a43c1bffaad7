using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Migrations;
using ContentStudio.Core.Configuration;

namespace ContentStudio.Core.Data;

/// <summary>Configures a StudioDbContext for the chosen provider. Shared by DI, the CLI and the tests so
/// all three talk to the database the same way.</summary>
public static class StudioDatabase
{
    public const string SqliteFileName = "contentstudio.db";

    /// <summary>The connection string to use: the configured one, or the SQLite file under the data folder
    /// (created if missing). PostgreSQL without a connection string is a configuration error.</summary>
    public static string ResolveConnectionString(DatabaseOptions options, string dataPath)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString)) return options.ConnectionString;
        if (options.Provider == DatabaseProvider.PostgreSql)
            throw new InvalidOperationException(MissingPostgresConnectionString);
        var folder = Path.GetFullPath(dataPath);
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, SqliteFileName)}";
    }

    public const string MissingPostgresConnectionString =
        "Database:ConnectionString is required when Database:Provider is PostgreSql " +
        "(e.g. \"Host=localhost;Database=contentstudio;Username=studio\"; put the password in the " +
        "Database__ConnectionString environment variable or user-secrets, not in appsettings).";

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.PostgreSql)
            builder.UseNpgsql(connectionString);
        else
        {
            EnsureSqliteFolder(connectionString);
            builder.UseSqlite(connectionString).AddInterceptors(SqliteSharingInterceptor.Instance, SqliteWriteGate.Instance);
            // EF's SQLite migration lock waits for ever on a row a killed migrator left: clear it when stale, bound the wait.
            builder.ReplaceService<IHistoryRepository, StaleLockClearingHistoryRepository>();
        }
        // No PendingModelChangesWarning suppression: the migrations carry a model snapshot (decision 012), so a model change
        // without its migration stops MigrateAsync here, as CI's `dotnet ef migrations has-pending-model-changes` does.
        return builder;
    }

    /// <summary>SQLite creates the file but not its folder; a configured "Data Source=data/studio.db" should just work.</summary>
    private static void EnsureSqliteFolder(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString);
        if (source.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(source.DataSource) || source.DataSource == ":memory:") return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(source.DataSource));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }

    public static DbContextOptions<StudioDbContext> CreateOptions(DatabaseProvider provider, string connectionString) =>
        (DbContextOptions<StudioDbContext>)Configure(new DbContextOptionsBuilder<StudioDbContext>(), provider, connectionString).Options;
}

/// <summary>Makes one SQLite file safe to share between the web app, the worker and the CLI: WAL lets readers
/// run beside a writer, and the busy timeout makes a second writer wait instead of failing with "database is locked".
/// The settings belong to the native connection, which the pool keeps open between uses, so they are applied once per
/// native connection, not on every Open (EF opens a pooled connection for each query: re-running the pragmas every time
/// cost about as much as the queries themselves in the generation benchmark). Read-only connections are left alone:
/// EF checks that the database exists on one, and switching a file that is not yet in WAL mode (an empty file a killed
/// migrator left) would fail with "attempt to write a readonly database".</summary>
internal sealed class SqliteSharingInterceptor : DbConnectionInterceptor
{
    public static readonly SqliteSharingInterceptor Instance = new();
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=10000; PRAGMA synchronous=NORMAL;";
    private static readonly ConditionalWeakTable<object, object> Configured = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!NeedsPragmas(connection, out var handle)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        MarkConfigured(handle);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!NeedsPragmas(connection, out var handle)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        MarkConfigured(handle);
    }

    private static bool NeedsPragmas(DbConnection connection, out object? handle)
    {
        var sqlite = connection as SqliteConnection;
        handle = sqlite?.Handle;
        if (handle is not null && Configured.TryGetValue(handle, out _)) return false;
        return sqlite is null || new SqliteConnectionStringBuilder(sqlite.ConnectionString).Mode != SqliteOpenMode.ReadOnly;
    }

    private static void MarkConfigured(object? handle)
    {
        if (handle is not null) Configured.AddOrUpdate(handle, handle);
    }
}
