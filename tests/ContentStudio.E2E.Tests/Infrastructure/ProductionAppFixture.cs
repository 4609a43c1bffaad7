using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ContentStudio.E2E.Tests.Infrastructure;

/// <summary>The app as it runs in Production (the /error page instead of the developer exception page), on Kestrel with
/// its own SQLite database. HTTP only: no browser, no background workers.</summary>
public sealed class ProductionAppFixture : IAsyncLifetime, IStudioApp
{
    private readonly WebApplicationFactory<Program> _factory;
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("cs-e2e-prod-").FullName;

    public ProductionAppFixture()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("Studio:DataPath", _dataFolder);
            b.UseSetting("Identity:InitialAdminPassword", TestUsers.Admin.Password);
            b.UseSetting("Generation:WorkerEnabled", "false");
            b.UseSetting("Publishing:WorkerEnabled", "false");
            b.ConfigureServices(s => s.AddSingleton<IStartupFilter, FaultRoutes>());
        });
        _factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }

    public string BaseUrl { get; private set; } = "";

    public Task InitializeAsync()
    {
        _factory.StartServer();
        BaseUrl = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        try { Directory.Delete(_dataFolder, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class ProductionAppCollection : ICollectionFixture<ProductionAppFixture>
{
    public const string Name = "studio app (production)";
}
