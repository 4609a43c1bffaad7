using System.Net;
using ContentStudio.E2E.Tests.Infrastructure;

namespace ContentStudio.E2E.Tests.Hosting;

/// <summary>The login page loads Blazor's script before anyone is signed in: the SDK serves it as an endpoint, which
/// the "signed in" fallback policy would otherwise redirect to the login page (an HTML answer where a script belongs).</summary>
[Collection(StudioAppCollection.Name)]
public class FrameworkScriptTests(StudioAppFixture app)
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
