using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ContentStudio.Core.Data;
using ContentStudio.Core.Insights.Results;
using ContentStudio.Core.Publishing.Delivery;
using ContentStudio.Web.Components;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContentStudio.Integration.Tests.Insights;

// WebApplicationFactory<App>, not <Program>: the CLI referenced here also has a public Program class.
/// <summary>POST /api/results over real HTTP to the web app on Kestrel (routing, the body limit, the error handling): a signed
/// push imports and a repeat changes nothing, a bad signature is 401 and imports nothing, a body over the limit is 413; and
/// the Insights page renders its governance panel from the same database.</summary>
public sealed partial class InsightsOverHttpTests : IAsyncLifetime
{
    const string Secret = "esp-shared-secret-for-http-tests-0123456789";
    private readonly string _data = Directory.CreateTempSubdirectory("cs-results-http-").FullName;
    private WebApplicationFactory<App> _factory = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _factory = new WebApplicationFactory<App>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            b.UseSetting("Studio:DataPath", _data);
            b.UseSetting("Generation:WorkerEnabled", "false");
            b.UseSetting("Identity:InitialAdminPassword", "Http-test-Pass-1");
            b.UseSetting(ResultsWebhook.SecretKey("acme-mail"), Secret);
        });
        // Kestrel on loopback, not the in-memory test server: only a real server enforces the endpoint's body limit.
        _factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = new Uri(address) };
        return Task.CompletedTask;
    }

    private async Task<InsightsSeed> SeedAsync()
    {
        await (await _client.GetAsync("/account/login")).Content.ReadAsStringAsync(); // the host is up and the database migrated
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        return await InsightsSeed.CreateAsync(db, DateTime.UtcNow);
    }

    private Task<HttpResponseMessage> PostAsync(string body, string delivery = "evt-1", string secret = Secret, bool expectContinue = false)
    {
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/results") { Content = new StringContent(body, Encoding.UTF8, "text/csv") };
        request.Headers.Add(ResultsWebhook.SourceHeader, "acme-mail");
        request.Headers.ExpectContinue = expectContinue;
        request.Headers.Add(WebhookSignature.DeliveryHeader, delivery);
        request.Headers.Add(WebhookSignature.TimestampHeader, ts.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, delivery, ts, body));
        return _client.SendAsync(request);
    }

    private async Task<int> StoredRowsAsync()
    {
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        return await db.Set<VariantResult>().CountAsync();
    }

    [Fact]
    public async Task ASignedPushImportsAndTheSamePushAgainChangesNothing()
    {
        var seed = await SeedAsync();
        var body = $"variant_id,send_date,sends,clicks,conversions\n{seed.Published[0].Id},2026-11-20,800,40,4\n{seed.Published[1].Id},2026-11-20,900,30,2\n";

        var first = await PostAsync(body);
        var again = await PostAsync(body);

        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        (await first.Content.ReadAsStringAsync()).ShouldBe("""{"added":2,"updated":0,"unchanged":0}""");
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.Content.ReadAsStringAsync()).ShouldBe("""{"added":0,"updated":0,"unchanged":2}""");
        (await StoredRowsAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task ABadSignatureIs401AndImportsNothing()
    {
        var seed = await SeedAsync();
        var body = $"variant_id,send_date,sends,clicks,conversions\n{seed.Published[0].Id},2026-11-20,800,40,4\n";

        var response = await PostAsync(body, secret: "not-the-shared-secret-0123456789");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await StoredRowsAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task ABadRowIs422NamingTheLine()
    {
        var seed = await SeedAsync();

        var response = await PostAsync($"variant_id,send_date,sends,clicks,conversions\n{seed.InReview.Id},2026-11-20,800,40,4\n");

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).ShouldContain("\"line\":2");
        (await StoredRowsAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task ABodyOverTheLimitIs413()
    {
        await SeedAsync();
        var body = "variant_id,send_date,sends,clicks,conversions\n" + new string('x', ResultsCsv.MaxFileLength);

        // "Expect: 100-continue", as a well-behaved sender of a large body does: the server answers 413 from the declared
        // length before the body is sent (without it, the server's early answer and close break the client's upload).
        var response = await PostAsync(body, expectContinue: true);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await StoredRowsAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task TheInsightsPageRendersTheGovernancePanelForASignedInUser()
    {
        await SeedAsync();
        var form = await _client.GetStringAsync("/account/login");
        var token = WebUtility.HtmlDecode(TokenInput().Match(form).Groups[1].Value);
        var signIn = await _client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["__RequestVerificationToken"] = token, ["UserName"] = "admin", ["Password"] = "Http-test-Pass-1", ["ReturnUrl"] = "/insights" }));
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = await _client.GetAsync("/insights");

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("id=\"governance\"");
        html.ShouldContain("id=\"stat-generated\"><strong>4</strong>");
        html.ShouldContain("No verdict on flagged copy yet");
        html.ShouldContain("No edits in this period");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }
}
