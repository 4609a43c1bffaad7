using System.Net;
using ContentStudio.E2E.Tests.Api;
using ContentStudio.E2E.Tests.Infrastructure;

namespace ContentStudio.E2E.Tests.Hosting;

/// <summary>Every failure has a page (or, under /api, a problem+json body) with the status that says what happened.</summary>
[Collection(StudioAppCollection.Name)]
public class ErrorPageTests(StudioAppFixture app)
{
    [Fact]
    public async Task TheErrorPageAnswersAnonymouslyWithA500PageInsteadOfTheLoginRedirect()
    {
        var (anonymous, _) = StudioHttp.NewClient(app);
        var response = await anonymous.GetAsync("/error");
        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        response.Headers.Location.ShouldBeNull();
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await response.Content.ReadAsStringAsync()).ShouldContain("Something went wrong");
    }

    [Fact]
    public async Task AnUnknownPageAnswers404WithTheNotFoundPage()
    {
        var maria = await StudioHttp.ClientAsync(app, Who.Marketer);
        var response = await maria.GetAsync("/no-such-page");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldContain("Page not found");
        body.ShouldContain("id=\"not-found-path\">/no-such-page<"); // the address asked for, not /error/404
        body.ShouldContain("href=\"queue\"");
    }

    [Fact]
    public async Task ACampaignThatDoesNotExistAnswers404NotAnEmpty200()
    {
        var maria = await StudioHttp.ClientAsync(app, Who.Marketer);
        var response = await maria.GetAsync($"/campaigns/{Guid.NewGuid()}");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Page not found");
    }

    [Fact]
    public async Task AnUnknownApiRouteAndAWrongMethodAnswerProblemJson()
    {
        var maria = await StudioHttp.ClientAsync(app, Who.Marketer);

        var unknown = await maria.GetAsync("/api/no-such-route");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unknown.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await unknown.ReadAsync<ProblemJson>();
        (problem.Status, problem.Title).ShouldBe((404, "Not found"));
        problem.Detail.ShouldContain("/api/no-such-route");

        var wrongMethod = await maria.DeleteAsync("/api/queue");
        wrongMethod.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        wrongMethod.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task AnUnhandledApiExceptionAnswers500ProblemJsonWithoutTheExceptionText()
    {
        var maria = await StudioHttp.ClientAsync(app, Who.Marketer);
        var response = await maria.GetAsync(FaultRoutes.ApiPath);
        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldNotContain("secret-detail");
        body.ShouldNotContain("InvalidOperationException");
        body.ShouldContain("traceId", Case.Sensitive, "the reference an operator finds the exception by in the log");
    }
}

/// <summary>The same failures as Production runs them: no developer exception page, so the /error page must exist.</summary>
[Collection(ProductionAppCollection.Name)]
public class ProductionErrorPageTests(ProductionAppFixture app)
{
    [Fact]
    public async Task AnUnhandledPageExceptionShowsTheErrorPageWith500AndNoExceptionText()
    {
        var admin = await StudioHttp.ClientAsync(app, Who.Admin);
        var response = await admin.GetAsync(FaultRoutes.PagePath);
        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldContain("Something went wrong");
        body.ShouldContain("id=\"error-reference\"");
        body.ShouldNotContain("secret-detail");
        body.ShouldNotContain("hunter2");
    }

    [Fact]
    public async Task AnUnhandledApiExceptionIsProblemJsonInProductionToo()
    {
        var admin = await StudioHttp.ClientAsync(app, Who.Admin);
        var response = await admin.GetAsync(FaultRoutes.ApiPath);
        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("secret-detail");
    }

    [Fact]
    public async Task AFormPostWithoutItsAntiforgeryTokenShowsTheErrorPageWith400()
    {
        var (anonymous, _) = StudioHttp.NewClient(app);
        var response = await anonymous.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "admin", ["Password"] = "whatever",
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await response.Content.ReadAsStringAsync()).ShouldContain("forms expire");
    }
}
