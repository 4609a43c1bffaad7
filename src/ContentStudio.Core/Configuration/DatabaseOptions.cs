using System.ComponentModel.DataAnnotations;

namespace ContentStudio.Core.Configuration;

public enum DatabaseProvider { Sqlite, PostgreSql }

/// <summary>Section "Database".</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Sqlite (embedded default) or PostgreSql (several instances).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Empty with Sqlite means "Data Source={DataPath}/contentstudio.db". Required with PostgreSql;
    /// put passwords in an environment variable (Database__ConnectionString) or user-secrets.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>SQLite: a migration lock row older than this is left by a killed migrator and is cleared (with a
    /// warning). Keep it above the slowest real migration: a live migrator's lock is never refreshed.</summary>
    [Range(1, 86_400)] public int MigrationLockStaleSeconds { get; set; } = 120;

    /// <summary>SQLite: how long start-up waits for a migration lock another process holds before it gives up with a
    /// message saying what holds it. Above MigrationLockStaleSeconds, a lock left by a crash is cleared while waiting.</summary>
    [Range(1, 86_400)] public int MigrationLockTimeoutSeconds { get; set; } = 180;
}
