using System.Net;
using ContentStudio.E2E.Tests.Infrastructure;
using ContentStudio.Web.Identity;
using Microsoft.Playwright;

namespace ContentStudio.E2E.Tests.Hosting;

[Collection(StudioAppCollection.Name)]
public class SecurityHeaderTests(StudioAppFixture app)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/api/queue")]
    [InlineData("/app.css")]
    [InlineData("/_framework/blazor.web.js")]
    public async Task PagesTheApiAndStaticFilesCarryTheSecurityHeaders(string path)
    {
        var maria = await StudioHttp.ClientAsync(app, Who.Marketer);
        var response = await maria.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);

        var csp = Header(response, "Content-Security-Policy");
        foreach (var directive in new[] { "default-src 'self'", "script-src 'self';", "object-src 'none'", "base-uri 'self'",
                     "frame-ancestors 'none'", "connect-src 'self' ws: wss:" })
            csp.ShouldContain(directive);
        Header(response, "X-Content-Type-Options").ShouldBe("nosniff");
        Header(response, "X-Frame-Options").ShouldBe("DENY");
        Header(response, "Referrer-Policy").ShouldBe("strict-origin-when-cross-origin");
        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse("HSTS only over HTTPS and outside Development");
    }

    [Fact]
    public async Task SigningOutWithoutTheAntiforgeryTokenIsRefusedAndTheSessionStays()
    {
        var (client, _) = await StudioHttp.SignInAsync(app, TestUsers.Marketer); // its own session: this test ends it

        var forged = await client.PostAsync(AccountEndpoints.LogoutPath, new FormUrlEncodedContent([]));
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK, "still signed in");

        var token = await StudioHttp.AntiforgeryTokenAsync(client, "/"); // the sign-out form's token
        var real = await client.PostAsync(AccountEndpoints.LogoutPath,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        real.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetAsync("/")).Headers.Location!.OriginalString.ShouldContain(AccountEndpoints.LoginPath);
    }

    [Theory]
    [InlineData("/favicon.svg")]
    [InlineData("/favicon.ico")]
    public async Task TheFaviconIsServedToAnyone(string path)
    {
        var (anonymous, _) = StudioHttp.NewClient(app);
        var response = await anonymous.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/svg+xml");
        (await anonymous.GetStringAsync(AccountEndpoints.LoginPath)).ShouldContain("href=\"favicon.svg\"");
    }

    [Fact]
    public async Task AStudioPageRunsInteractivelyUnderTheContentSecurityPolicy()
    {
        var context = await app.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Add(message.Text);
        };
        await page.GotoAsync(app.BaseUrl + "/campaigns/new");
        await app.SignInAsync(page, TestUsers.Marketer.UserName, TestUsers.Marketer.Password);
        await page.WaitForSelectorAsync("[data-interactive=true]", new() { Timeout = 15000 });
        await page.ClickAsync("nav >> text=Templates"); // a circuit navigation: the WebSocket is in use
        await page.WaitForURLAsync("**/templates");
        violations.ShouldBeEmpty();
        await context.CloseAsync();
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new ShouldAssertException($"{name} is missing from {response.RequestMessage!.RequestUri}");
}
