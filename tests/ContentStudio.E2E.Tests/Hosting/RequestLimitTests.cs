using System.Net;
using System.Text;
using ContentStudio.E2E.Tests.Api;
using ContentStudio.E2E.Tests.Infrastructure;
using ContentStudio.Web.Hosting;

namespace ContentStudio.E2E.Tests.Hosting;

[Collection(StudioAppCollection.Name)]
public class RequestLimitTests(StudioAppFixture app)
{
    [Fact]
    public async Task AnApiBodyOverItsLimitIs413ProblemJsonNamingTheLimit()
    {
        var maria = await StudioHttp.ClientAsync(app, Who.Marketer);
        var text = new string('a', (int)RequestLimits.ApiWriteMaxBodyBytes);
        var response = await maria.PostAsync($"/api/variants/{Guid.NewGuid()}/comments",
            new StringContent($$"""{"text":"{{text}}"}""", Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.ReadAsync<ProblemJson>();
        problem.Status.ShouldBe(413);
        problem.Detail.ShouldContain($"{RequestLimits.ApiWriteMaxBodyBytes} bytes");
    }

    [Fact]
    public async Task ABodyUnderTheLimitStillReachesTheEndpoint()
    {
        var maria = await StudioHttp.ClientAsync(app, Who.Marketer);
        var id = Guid.NewGuid();
        var response = await maria.PostJsonAsync($"/api/variants/{id}/comments", new { text = new string('a', 100_000) });
        // Not a 413: the body got through to Core, which measured the comment against its own, smaller field limit.
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadAsync<ProblemJson>()).Detail.ShouldContain("100,000 characters");
    }
}
