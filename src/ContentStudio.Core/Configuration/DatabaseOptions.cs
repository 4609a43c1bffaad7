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
}
