using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Components;
using ContentStudio.E2E.Tests.Api;
using ContentStudio.E2E.Tests.Infrastructure;

namespace ContentStudio.E2E.Tests;

/// <summary>Every page of the studio for every principal, as a full page load (what a bookmark or a pasted link does):
/// anonymous visitors are sent to the login page, a role-restricted page sends the wrong role to the access-denied page
/// (the same way for every such page), the error page answers anyone with its error status, and everything else renders.</summary>
[Collection(StudioAppCollection.Name)]
public class PageAccessTests(StudioAppFixture app)
{
    public enum Outcome { SignIn, Refused, Open, ErrorPage }
    private const Outcome L = Outcome.SignIn, X = Outcome.Refused, O = Outcome.Open, E = Outcome.ErrorPage;

    /// <summary>The @page routes, and who may open them (from the issue: audit and outbox for deciders and admins,
    /// targets and users for admins, template editing for prompt engineers and admins).</summary>
    private static readonly (string Route, Outcome[] Expected)[] Pages =
    [
        //                                    anonymous  marketer  brand mgr  prompt eng  admin
        ("/",                                 [L,        O,        O,         O,          O]),
        ("/campaigns/new",                    [L,        O,        O,         X,          O]),
        ("/campaigns/{CampaignId:guid}",      [L,        O,        O,         O,          O]),
        ("/brands",                           [L,        O,        O,         O,          O]),
        ("/segments",                         [L,        O,        O,         O,          O]),
        ("/templates",                        [L,        O,        O,         O,          O]),
        ("/templates/{Name}",                 [L,        X,        X,         O,          O]),
        ("/queue",                            [L,        O,        O,         O,          O]),
        ("/review/{VariantId:guid}",          [L,        O,        O,         O,          O]),
        ("/audit",                            [L,        X,        O,         X,          O]),
        ("/publishing/outbox",                [L,        X,        O,         X,          O]),
        ("/publishing/targets",               [L,        X,        X,         X,          O]),
        ("/admin/users",                      [L,        X,        X,         X,          O]),
        ("/insights",                         [L,        O,        O,         O,          O]),
        ("/account/access-denied",            [L,        O,        O,         O,          O]),
        ("/account/password",                 [L,        O,        O,         O,          O]),
        ("/account/login",                    [O,        O,        O,         O,          O]),
        ("/error",                            [E,        E,        E,         E,          E]),
        ("/error/{Status:int}",               [E,        E,        E,         E,          E]),
    ];

    public static TheoryData<string, Who, Outcome> Cases()
    {
        var data = new TheoryData<string, Who, Outcome>();
        foreach (var (route, expected) in Pages)
            foreach (var who in Enum.GetValues<Who>()) data.Add(route, who, expected[(int)who]);
        return data;
    }

    [Fact]
    public void TheTableListsEveryPageOfTheApp()
    {
        var routes = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>()).Select(r => r.Template).Order(StringComparer.Ordinal);
        routes.ShouldBe(Pages.Select(p => p.Route).Order(StringComparer.Ordinal));
    }

    [Theory, MemberData(nameof(Cases))]
    public async Task EveryPageAnswersEachPrincipalAsItsRolesAllow(string route, Who who, Outcome expected)
    {
        var path = await PathAsync(route);
        var response = await (await StudioHttp.ClientAsync(app, who)).GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        var returnUrl = "returnUrl=" + Uri.EscapeDataString(path);
        switch (expected)
        {
            case Outcome.SignIn:
                response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
                response.Headers.Location!.OriginalString.ShouldBe($"{app.BaseUrl}/account/login?{returnUrl}");
                break;
            case Outcome.Refused:
                response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
                response.Headers.Location!.OriginalString.ShouldBe($"{app.BaseUrl}/account/access-denied?{returnUrl}");
                break;
            case Outcome.ErrorPage:
                ((int)response.StatusCode).ShouldBeGreaterThanOrEqualTo(400, "an error page never answers 200");
                body.ShouldContain("id=\"error-page\"");
                break;
            default:
                response.StatusCode.ShouldBe(HttpStatusCode.OK, body.Length > 400 ? body[..400] : body);
                // An open page renders itself, not the refusal or the login form (the two account pages aside).
                if (!route.StartsWith("/account/", StringComparison.Ordinal))
                {
                    body.ShouldNotContain("id=\"access-denied\"");
                    body.ShouldNotContain("id=\"login-form\"");
                }
                break;
        }
    }

    [Fact]
    public async Task TheAccessDeniedPageSaysSoToASignedInUser()
    {
        var body = await (await StudioHttp.ClientAsync(app, Who.Marketer)).GetStringAsync("/account/access-denied?returnUrl=%2Fadmin%2Fusers");
        body.ShouldContain("id=\"access-denied\"");
    }

    /// <summary>The route with real values: a campaign and a variant that exist, a template that exists.</summary>
    private async Task<string> PathAsync(string route)
    {
        if (!route.Contains('{')) return route;
        if (route.Contains("{Status:int}")) return route.Replace("{Status:int}", "400");
        var pool = await VariantPool.ForAsync(app);
        var id = pool.Shared;
        var campaignId = (await (await (await StudioHttp.ClientAsync(app, Who.Admin)).GetAsync($"/api/variants/{id}"))
            .ReadAsync<System.Text.Json.JsonElement>()).GetProperty("campaignId").GetGuid();
        return route.Replace("{CampaignId:guid}", campaignId.ToString()).Replace("{VariantId:guid}", id.ToString()).Replace("{Name}", "email");
    }
}
