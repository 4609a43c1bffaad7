using Microsoft.EntityFrameworkCore.Design;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Data;

namespace ContentStudio.DesignTime;

/// <summary>How <c>dotnet ef</c> builds the context without starting the app (decision 012). The provider comes from
/// <c>-- --provider Sqlite|PostgreSql</c> (after the tool's own arguments) or the <c>Database__Provider</c> environment
/// variable, PostgreSQL by default: its model carries the one annotation SQLite's lacks (identity columns), and SQLite
/// ignores it, so migrations and the snapshot are generated from it. The connection string comes from
/// <c>dotnet ef … --connection</c> or <c>Database__ConnectionString</c>; <c>migrations add</c> and
/// <c>has-pending-model-changes</c> never connect, so the defaults below only matter to <c>database update</c>.</summary>
public sealed class StudioDesignTimeFactory : IDesignTimeDbContextFactory<StudioDbContext>
{
    public const string DefaultSqlite = "Data Source=data/" + StudioDatabase.SqliteFileName;
    public const string DefaultPostgres = "Host=localhost;Database=contentstudio;Username=studio";

    public StudioDbContext CreateDbContext(string[] args)
    {
        var provider = Provider(Argument(args, "--provider") ?? Environment.GetEnvironmentVariable("Database__Provider"));
        var connection = Environment.GetEnvironmentVariable("Database__ConnectionString") is { Length: > 0 } configured
            ? configured
            : provider == DatabaseProvider.PostgreSql ? DefaultPostgres : DefaultSqlite;
        return new StudioDbContext(StudioDatabase.CreateOptions(provider, connection));
    }

    static string? Argument(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    static DatabaseProvider Provider(string? value) =>
        string.IsNullOrWhiteSpace(value) ? DatabaseProvider.PostgreSql
        : Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider) ? provider
        : throw new ArgumentException($"--provider / Database__Provider is '{value}': use Sqlite or PostgreSql.");
}
