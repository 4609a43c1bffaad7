using ContentStudio.Testing;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Data;
using ContentStudio.Core.Review;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Tests.Identity;

/// <summary>A real, migrated SQLite file in a temp folder for the services whose role checks are tested here: an
/// allowed call must reach the database and leave its author behind, a refused one must leave nothing.</summary>
public sealed class SqliteStudio : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string _folder;

    private SqliteStudio(ServiceProvider services, string folder) { _services = services; _folder = folder; }

    public IDbContextFactory<StudioDbContext> Factory => _services.GetRequiredService<IDbContextFactory<StudioDbContext>>();

    /// <summary>A service of the data layer (the audit log, …), as the hosts compose it.</summary>
    public T Service<T>() where T : notnull => _services.GetRequiredService<T>();

    public static async Task<SqliteStudio> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("cs-core-authz-").FullName;
        var s = new ServiceCollection().AddStudioTestBase(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "studio.db")}", folder);
        s.AddStudioData();
        var services = s.BuildServiceProvider();
        await DatabaseInitializer.MigrateAsync(services);
        return new SqliteStudio(services, folder);
    }

    /// <summary>The four roles and anonymous, by name, as the theories name them.</summary>
    public static StudioUser User(string who) => who == "anonymous"
        ? StudioUser.Anonymous
        : new StudioUser(who.ToLowerInvariant() + "@example.com", who, who);

    public static TheoryData<string> Everyone() => [.. StudioRoles.All, "anonymous"];

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
