using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using ContentStudio.Integration.Tests.Infrastructure;
using ContentStudio.Web.Components;

namespace ContentStudio.Integration.Tests.Identity;

// WebApplicationFactory<App>, not <Program>: the CLI referenced here also has a public Program class.
/// <summary>The web app in memory on a fresh SQLite file: every page needs a signed-in user, the login form signs in.</summary>
public sealed partial class SignInOverHttpTests : IAsyncLifetime
{
    private const string AdminPassword = "Http-test-Pass-1";
    private readonly string _data = Directory.CreateTempSubdirectory("cs-http-").FullName;
    private readonly CapturingLoggerProvider _logs = new();
    private WebApplicationFactory<App> _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new WebApplicationFactory<App>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            b.UseSetting("Studio:DataPath", _data);
            b.UseSetting("Generation:WorkerEnabled", "false");
            b.UseSetting("Identity:InitialAdminPassword", AdminPassword);
            b.ConfigureLogging(l => l.AddProvider(_logs));
        });
        return Task.CompletedTask;
    }

    private HttpClient Client() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [Theory]
    [InlineData("/")]
    [InlineData("/campaigns/new")]
    [InlineData("/admin/users")]
    public async Task AnAnonymousRequestIsRedirectedToTheLoginPage(string path)
    {
        var response = await Client().GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.PathAndQuery.ShouldBe("/account/login?returnUrl=" + Uri.EscapeDataString(path));
    }

    [Fact]
    public async Task TheLoginPageItselfIsOpenToEveryone()
    {
        var response = await Client().GetAsync("/account/login");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("id=\"login-form\"");
    }

    [Fact]
    public async Task UntilSomeoneSignsInTheLoginPageSaysWhereTheFirstAdminPasswordIsAndNeverShowsIt()
    {
        var client = Client();
        var fresh = await (await client.GetAsync("/account/login")).Content.ReadAsStringAsync();
        fresh.ShouldContain("id=\"first-start\"");
        fresh.ShouldContain("Identity__InitialAdminPassword");
        fresh.ShouldNotContain(AdminPassword);

        (await SignInAsync(client, "admin", AdminPassword, "/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var later = await (await Client().GetAsync("/account/login")).Content.ReadAsStringAsync();
        later.ShouldContain("id=\"login-form\"");
        later.ShouldNotContain("id=\"first-start\"");
    }

    [Fact]
    public async Task AfterSigningInTheHomePageAnswers200()
    {
        var client = Client();
        var signIn = await SignInAsync(client, "admin", AdminPassword, "/campaigns/new");
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signIn.Headers.Location!.OriginalString.ShouldBe("/campaigns/new");
        var home = await client.GetAsync("/");
        home.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await home.Content.ReadAsStringAsync()).ShouldContain("Administrator");
    }

    [Fact]
    public async Task AWrongPasswordGoesBackToTheLoginPageWithAReasonAndNoCookie()
    {
        var client = Client();
        var signIn = await SignInAsync(client, "admin", "wrong-password", "/");
        signIn.Headers.Location!.OriginalString.ShouldStartWith("/account/login?error=invalid&userName=admin");
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var logged = _logs.Entries.Where(e => e.Message.StartsWith("Sign-in failed", StringComparison.Ordinal)).ShouldHaveSingleItem();
        logged.Level.ShouldBe(LogLevel.Warning);
        logged.Message.ShouldContain("user admin");
        logged.Message.ShouldNotContain("wrong-password");

        // The attempt is in the tamper-evident audit log too, without the password.
        await using var db = await _factory.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<ContentStudio.Core.Data.StudioDbContext>>().CreateDbContextAsync();
        var audited = db.AuditEvents.Where(e => e.Action == ContentStudio.Core.Audit.AuditActions.SignInFailed).ToList().ShouldHaveSingleItem();
        audited.EntityId.ShouldBe("admin");
        audited.DataJson.ShouldNotContain("wrong-password");
    }

    [Fact]
    public async Task AReturnUrlToAnotherSiteIsIgnored()
    {
        var signIn = await SignInAsync(Client(), "admin", AdminPassword, "//evil.example/phish");
        signIn.Headers.Location!.OriginalString.ShouldBe("/");
    }

    [Fact]
    public async Task ALoginPostWithoutTheAntiforgeryTokenIsRejected()
    {
        var response = await Client().PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "admin", ["Password"] = AdminPassword, ["ReturnUrl"] = "/",
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string user, string password, string returnUrl)
    {
        var form = await client.GetStringAsync("/account/login");
        var token = TokenInput().Match(form).Groups[1].Value;
        token.ShouldNotBeNullOrEmpty("the login form carries an antiforgery token");
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token), ["UserName"] = user, ["Password"] = password, ["ReturnUrl"] = returnUrl,
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }
}
