using ContentStudio.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ContentStudio.Core.Brands;
using ContentStudio.Core.Campaigns;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Data;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Review;
using ContentStudio.Core.Segments;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Integration.Tests.Infrastructure;

/// <summary>A real database (SQLite file or PostgreSQL) behind the real services, wired the way the app wires them,
/// with a fake generator, a fake brand catalog and a hand-moved clock.</summary>
public sealed class TestStudio : IAsyncDisposable
{
    private readonly Action? _cleanup;

    /// <summary>People for the services that check a role: one who may generate (and cancel), one who manages segments.</summary>
    public static readonly StudioUser Marketer = People.Maria;
    public static readonly StudioUser BrandManager = People.Bree;

    private TestStudio(ServiceProvider services, DatabaseProvider provider, string connectionString, Action? cleanup, string dataFolder)
    {
        Services = services; Provider = provider; ConnectionString = connectionString; _cleanup = cleanup; DataFolder = dataFolder;
    }

    /// <summary>This studio's own data folder (the audit chain key and anchor live there), so no test shares them.</summary>
    public string DataFolder { get; }

    public ServiceProvider Services { get; }
    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    public FakeVariantGenerator Generator => Services.GetRequiredService<FakeVariantGenerator>();
    public ManualClock Clock => (ManualClock)Services.GetRequiredService<TimeProvider>();
    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();
    public StudioDbContext Db() => Get<IDbContextFactory<StudioDbContext>>().CreateDbContext();

    /// <summary>A run's tasks in plan order, read fresh from the database.</summary>
    public async Task<List<GenerationTask>> TasksAsync(Guid runId)
    {
        await using var db = Db();
        return await db.GenerationTasks.AsNoTracking().Where(t => t.RunId == runId).OrderBy(t => t.Ordinal).ToListAsync();
    }

    /// <summary>A run's stored variants, read fresh from the database.</summary>
    public async Task<List<Variant>> VariantsAsync(Guid runId)
    {
        await using var db = Db();
        return await db.Variants.AsNoTracking().Where(v => v.RunId == runId).ToListAsync();
    }

    /// <summary>A second engine with its own worker id, as another process would have.</summary>
    public GenerationEngine NewEngine() => ActivatorUtilities.CreateInstance<GenerationEngine>(Services);

    public static async Task<TestStudio> StartAsync(DatabaseProvider provider, string connectionString, Action? cleanup = null,
        Action<GenerationOptions>? options = null, Action<IServiceCollection>? services = null)
    {
        var dataFolder = StudioTestServices.NewDataFolder();
        var s = new ServiceCollection().AddStudioTestBase(provider, connectionString, dataFolder);
        s.Configure<GenerationOptions>(o => { o.BatchSize = 4; o.WorkerConcurrency = 2; o.LeaseSeconds = 60; options?.Invoke(o); });
        s.AddSingleton<TimeProvider>(new ManualClock(new DateTime(2026, 11, 29, 9, 0, 0, DateTimeKind.Utc)));
        s.AddSingleton<IBrandCatalog>(new FakeBrandCatalog(TestData.Lumen));
        s.AddSingleton<FakeVariantGenerator>();
        s.AddSingleton<IVariantGenerator>(sp => sp.GetRequiredService<FakeVariantGenerator>());
        s.AddStudioData().AddGeneration();
        services?.Invoke(s);
        var studio = new TestStudio(s.BuildServiceProvider(validateScopes: true), provider, connectionString, cleanup, dataFolder);
        await DatabaseInitializer.MigrateAsync(studio.Services);
        return studio;
    }

    /// <summary>Seeds the Lumen segments and stores a campaign for <paramref name="brief"/>.</summary>
    public async Task<Campaign> CampaignAsync(CampaignBrief? brief = null)
    {
        await Get<SegmentStore>().SeedIfEmptyAsync(TestData.LumenSegments);
        return await Get<CampaignService>().CreateAsync(brief ?? TestData.Brief(), "marketer@example.com");
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        TestConnections.Release(Provider, ConnectionString);
        _cleanup?.Invoke();
        Directory.Delete(DataFolder, true);
    }
}

/// <summary>Makes the databases the provider-specific test classes run on.</summary>
public static class TestDatabases
{
    public static (DatabaseProvider, string, Action) Sqlite()
    {
        var dir = Path.Combine(Path.GetTempPath(), "contentstudio-sqlite-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(dir);
        return (DatabaseProvider.Sqlite, $"Data Source={Path.Combine(dir, "studio.db")}", () => Directory.Delete(dir, true));
    }

    public static async Task<(DatabaseProvider, string, Action?)> PostgresAsync(PostgresServer server, string testClass) =>
        (DatabaseProvider.PostgreSql, await server.CreateDatabaseAsync(testClass), null);
}

/// <summary>Base of the tests that run once on SQLite and once on PostgreSQL: each test gets a fresh, migrated database.</summary>
public abstract class StudioTests : IAsyncLifetime
{
    protected TestStudio Studio { get; private set; } = null!;

    protected abstract Task<(DatabaseProvider Provider, string ConnectionString, Action? Cleanup)> CreateDatabaseAsync();
    protected virtual void ConfigureOptions(GenerationOptions options) { }
    protected virtual void ConfigureServices(IServiceCollection services) { }

    public async Task InitializeAsync()
    {
        var (provider, connectionString, cleanup) = await CreateDatabaseAsync();
        Studio = await TestStudio.StartAsync(provider, connectionString, cleanup, ConfigureOptions, ConfigureServices);
    }

    public async Task DisposeAsync() => await Studio.DisposeAsync();
}
