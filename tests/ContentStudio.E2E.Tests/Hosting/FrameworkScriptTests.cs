using System.Net;
using ContentStudio.E2E.Tests.Infrastructure;

namespace ContentStudio.E2E.Tests.Hosting;

/// <summary>Blazor's own script comes from an SDK package (static web assets), not from wwwroot. The app run from its
/// build output in Production (what `dotnet run` from a clone does) must serve it too, to a visitor not signed in yet
/// (the login page loads it): without it no page becomes interactive.</summary>
[Collection(ProductionAppCollection.Name)]
public class FrameworkScriptTests(ProductionAppFixture app)
{
    [Fact]
    public async Task BlazorsScriptIsServedToAnAnonymousVisitorAsJavaScript()
    {
        var (anonymous, _) = StudioHttp.NewClient(app);

        var response = await anonymous.GetAsync("/_framework/blazor.web.js");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");
        (await anonymous.GetAsync("/account/login")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task PagesStillNeedASignIn()
    {
        var (anonymous, _) = StudioHttp.NewClient(app);

        var response = await anonymous.GetAsync("/queue");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/login");
    }
}
