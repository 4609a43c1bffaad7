using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ContentStudio.Core.Identity;
using Microsoft.Playwright;
using ContentStudio.Core.Kernel;

namespace ContentStudio.E2E.Tests.Infrastructure;

/// <summary>The real web app on a loopback port (Kestrel, not the in-memory test server) with a fresh SQLite
/// database, and a real headless Chromium driven by Playwright.</summary>
public sealed class StudioAppFixture : IAsyncLifetime, IStudioApp
{
    /// <summary>How long to wait for background work (a generation run, a delivery): the app's one worker also serves
    /// the other test classes' campaigns, and CI runs the three test assemblies side by side on two cores.</summary>
    public const int SlowWaitMs = 120_000;

    private readonly WebApplicationFactory<Program> _factory;
    private IPlaywright? _playwright;

    public StudioAppFixture()
    {
        DataFolder = Directory.CreateTempSubdirectory("cs-e2e-").FullName;
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            b.UseSetting("Studio:DataPath", DataFolder);
            b.UseSetting("Generation:PollIntervalMilliseconds", "50");
            b.UseSetting("Identity:InitialAdminPassword", TestUsers.Admin.Password);
            // File-export targets write under the throwaway folder; the web process's dispatcher polls often.
            b.UseSetting("Publishing:ExportRoot", ExportRoot);
            b.UseSetting("Publishing:PollIntervalMilliseconds", "100");
            b.ConfigureServices(s => s.AddSingleton<IStartupFilter, FaultRoutes>());
        });
        _factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }

    public string DataFolder { get; }
    public string ExportRoot => Path.Combine(DataFolder, "exports");
    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    public IServiceProvider Services => _factory.Services;

    public async Task InitializeAsync()
    {
        _factory.StartServer(); // start-up creates "admin" from Identity:InitialAdminPassword
        await SeedUsersAsync();
        var server = _factory.Services.GetRequiredService<IServer>();
        BaseUrl = server.Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A new page, opened at <paramref name="path"/>, once the Blazor circuit is up. Without a signed-in
    /// context this lands on the login page; use OpenAsAsync for the studio's pages.</summary>
    public async Task<IPage> OpenAsync(string path, IBrowserContext? context = null)
    {
        var page = context is null ? await Browser.NewPageAsync() : await context.NewPageAsync();
        await page.GotoAsync(BaseUrl + path);
        await page.WaitForSelectorAsync("[data-interactive=true]", new() { Timeout = 15000 });
        return page;
    }

    /// <summary>A fresh browser context (its own cookies) signed in as <paramref name="user"/>, at <paramref name="path"/>
    /// once the Blazor circuit is up.</summary>
    public async Task<IPage> OpenAsAsync(TestUser user, string path)
    {
        var context = await Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(BaseUrl + path); // anonymous: the server redirects to the login page with returnUrl
        await SignInAsync(page, user.UserName, user.Password);
        await page.WaitForSelectorAsync("[data-interactive=true]", new() { Timeout = 15000 });
        return page;
    }

    /// <summary>Fills and submits the login form (navigating to it first when the page is elsewhere) and waits until
    /// the browser has left the login page.</summary>
    public async Task SignInAsync(IPage page, string user, string password)
    {
        if (!page.Url.Contains("/account/login", StringComparison.Ordinal)) await page.GotoAsync(BaseUrl + "/account/login");
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#sign-in");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal), new() { Timeout = 15000 });
    }

    /// <summary>The non-admin test users, created through the same service the admin page and the CLI use.</summary>
    private async Task SeedUsersAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdmin>();
        foreach (var user in new[] { TestUsers.Marketer, TestUsers.BrandManager, TestUsers.PromptEngineer, TestUsers.SecondBrandManager })
        {
            var result = await admin.CreateUserAsync(StudioUser.System, user.UserName, user.DisplayName, user.Password, [user.Role]);
            if (!result.Succeeded) throw new InvalidOperationException($"Seeding {user.UserName} failed: {result}");
        }
    }

    public static string ScreenshotPath(string name)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name + ".png");
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await _factory.DisposeAsync();
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class StudioAppCollection : ICollectionFixture<StudioAppFixture>
{
    public const string Name = "studio app";
}
