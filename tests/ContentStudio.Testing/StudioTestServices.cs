using ContentStudio.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ContentStudio.Testing;

/// <summary>The base every test harness builds its services on, so they differ only in the features they add:
/// logging, a configuration holding <paramref name="settings"/>, the database, and a data folder of the harness's own
/// (the audit chain's key and anchor live there), so nothing a test writes lands in the repository's data/ or is
/// shared with another test by accident.</summary>
public static class StudioTestServices
{
    public static IServiceCollection AddStudioTestBase(this IServiceCollection services, DatabaseProvider provider, string connectionString,
        string dataFolder, IReadOnlyDictionary<string, string?>? settings = null)
    {
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build());
        services.Configure<StudioOptions>(o => o.DataPath = dataFolder);
        services.Configure<DatabaseOptions>(o => { o.Provider = provider; o.ConnectionString = connectionString; });
        return services;
    }

    /// <summary>A fresh folder under the temp directory for one harness's data (delete it when the harness goes).</summary>
    public static string NewDataFolder() => Directory.CreateTempSubdirectory("contentstudio-data-").FullName;
}

/// <summary>What a harness does with its database connections when it goes: pooled connections are closed, so a SQLite
/// file can be deleted and a PostgreSQL test database stops holding server connections (the throwaway cluster allows
/// a few hundred, and a test run makes a database per test class and provider).</summary>
public static class TestConnections
{
    public static void Release(DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Sqlite) Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        else
        {
            using var connection = new Npgsql.NpgsqlConnection(connectionString);
            Npgsql.NpgsqlConnection.ClearPool(connection);
        }
    }
}
