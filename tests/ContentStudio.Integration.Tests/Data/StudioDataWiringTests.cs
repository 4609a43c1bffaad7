using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Data;

namespace ContentStudio.Integration.Tests.Data;

/// <summary>AddStudioData's provider switch, as configured by an operator.</summary>
public sealed class StudioDataWiringTests : IDisposable
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "contentstudio-wiring-" + Guid.NewGuid().ToString("N")[..10], "data");

    private ServiceProvider Build(Action<DatabaseOptions> database)
    {
        var services = new ServiceCollection();
        services.Configure<StudioOptions>(o => o.DataPath = _dataPath);
        services.Configure(database);
        return services.AddStudioData().BuildServiceProvider();
    }

    [Fact]
    public async Task DefaultsToASqliteFileInTheDataFolderInWalMode()
    {
        await using var services = Build(_ => { });

        await DatabaseInitializer.MigrateAsync(services);

        File.Exists(Path.Combine(_dataPath, StudioDatabase.SqliteFileName)).ShouldBeTrue();
        await using var db = await services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        (await command.ExecuteScalarAsync()).ShouldBe("wal");
        command.CommandText = "PRAGMA busy_timeout";
        Convert.ToInt32(await command.ExecuteScalarAsync()).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task CreatesTheFolderOfAConfiguredSqliteFile()
    {
        var file = Path.Combine(_dataPath, "nested", "studio.db");
        await using var services = Build(o => o.ConnectionString = $"Data Source={file}");

        await DatabaseInitializer.MigrateAsync(services);

        File.Exists(file).ShouldBeTrue();
    }

    [Fact]
    public void RefusesPostgreSqlWithoutAConnectionStringNamingTheSetting()
    {
        using var services = Build(o => o.Provider = DatabaseProvider.PostgreSql);

        var error = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptions<DatabaseOptions>>().Value);
        error.Message.ShouldContain("Database:ConnectionString is required");
    }

    [Fact]
    public void UsesNpgsqlWhenPostgreSqlIsConfigured()
    {
        using var services = Build(o => { o.Provider = DatabaseProvider.PostgreSql; o.ConnectionString = "Host=127.0.0.1;Database=x"; });

        using var db = services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContext();
        db.Database.IsNpgsql().ShouldBeTrue();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var root = Path.GetDirectoryName(_dataPath)!;
        if (Directory.Exists(root)) Directory.Delete(root, true);
    }
}
