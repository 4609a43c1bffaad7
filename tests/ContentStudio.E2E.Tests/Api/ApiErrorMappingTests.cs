using System.Net;
using System.Text;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Review;
using ContentStudio.E2E.Tests.Infrastructure;
using ContentStudio.Core.Kernel;

namespace ContentStudio.E2E.Tests.Api;

/// <summary>How Core's answers come back over HTTP (not signed in, not found, illegal transition, someone saved
/// first, bad input) and why a cross-site form cannot drive the API with the user's cookie.</summary>
[Collection(StudioAppCollection.Name)]
public class ApiErrorMappingTests(StudioAppFixture app)
{
    [Fact]
    public async Task WithoutSigningInTheApiAnswers401InsteadOfRedirectingToTheLoginPage()
    {
        var (anonymous, _) = StudioHttp.NewClient(app);
        foreach (var response in new[] { await anonymous.GetAsync("/api/queue"), await anonymous.PostJsonAsync($"/api/variants/{Guid.NewGuid()}/submit") })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            response.Headers.Location.ShouldBeNull();
            (await response.ReadAsync<ProblemJson>()).Detail.ShouldContain("Sign in");
        }
        // The pages still send a browser to the login form.
        (await anonymous.GetAsync("/queue")).Headers.Location!.OriginalString.ShouldContain("/account/login");
    }

    [Fact]
    public async Task AnUnknownVariantIs404()
    {
        var bruno = await StudioHttp.ClientAsync(app, Who.BrandManager);
        var id = Guid.NewGuid();
        (await bruno.GetAsync($"/api/variants/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var submit = await bruno.PostJsonAsync($"/api/variants/{id}/submit");
        submit.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await submit.ReadAsync<ProblemJson>()).Detail.ShouldBe($"Variant {id} does not exist.");
    }

    [Fact]
    public async Task AnActionTheStateDoesNotAllowIs409AndChangesNothing()
    {
        var id = await (await VariantPool.ForAsync(app)).TakeAsync(ReviewState.Approved);
        var bruno = await StudioHttp.ClientAsync(app, Who.BrandManager);
        var before = await ReadAsync(bruno, id);
        var response = await bruno.PostJsonAsync($"/api/variants/{id}/reject", new { reason = "Too late: this was approved already." });
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.ReadAsync<ProblemJson>()).Detail.ShouldBe("Cannot reject a variant that is approved. What can be done now: schedule, edit, publish.");
        (await ReadAsync(bruno, id)).State.ShouldBe("Approved");
    }

    [Fact]
    public async Task ASecondEditWithTheOldTokenIs409WithBothVersionsHashesAndTheFirstEditStands()
    {
        var id = await (await VariantPool.ForAsync(app)).TakeAsync(ReviewState.InReview);
        var maria = await StudioHttp.ClientAsync(app, Who.Marketer);
        var bruno = await StudioHttp.ClientAsync(app, Who.BrandManager);
        var loaded = await ReadAsync(bruno, id); // both load the same version
        var field = loaded.Fields.Keys.Order(StringComparer.Ordinal).First();
        var marias = new Dictionary<string, string>(loaded.Fields) { [field] = loaded.Fields[field] + " Brewed fresh every week." };
        var brunos = new Dictionary<string, string>(loaded.Fields) { [field] = loaded.Fields[field] + " Ground to order." };

        (await maria.PutJsonAsync($"/api/variants/{id}/content", new { fields = marias, token = loaded.ConcurrencyToken })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var late = await bruno.PutJsonAsync($"/api/variants/{id}/content", new { fields = brunos, token = loaded.ConcurrencyToken });

        late.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await late.ReadAsync<ProblemJson>();
        problem.Detail.ShouldContain("changed by maria");
        problem.YourHash.ShouldBe(VariantFields.Hash(brunos));
        problem.CurrentHash.ShouldBe(VariantFields.Hash(marias));
        var current = await ReadAsync(bruno, id);
        current.Fields.ShouldBe(marias, ignoreOrder: true);
        problem.CurrentToken.ShouldBe(current.ConcurrencyToken);

        // Approving the version bruno saw (before maria's edit) is a conflict too: approvals are bound to the content.
        var staleApproval = await bruno.PostJsonAsync($"/api/variants/{id}/approve", new { seenHash = loaded.ContentHash });
        staleApproval.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var stale = await staleApproval.ReadAsync<ProblemJson>();
        (stale.YourHash, stale.CurrentHash).ShouldBe((loaded.ContentHash, current.ContentHash));
        (await ReadAsync(bruno, id)).State.ShouldBe("InReview");
    }

    [Fact]
    public async Task BadInputIs400NamingTheField()
    {
        var id = await (await VariantPool.ForAsync(app)).TakeAsync(ReviewState.InReview);
        var bruno = await StudioHttp.ClientAsync(app, Who.BrandManager);

        await BadAsync(await bruno.PostJsonAsync($"/api/variants/{id}/reject", new { }), "reason");
        await BadAsync(await bruno.PostJsonAsync($"/api/variants/{id}/request-changes", new { feedback = "  " }), "feedback");
        await BadAsync(await bruno.PostJsonAsync($"/api/variants/{id}/approve", new { comment = "no hash" }), "seenHash");
        await BadAsync(await bruno.PostJsonAsync($"/api/variants/{id}/comments", new { text = "" }), "text");
        var token = (await ReadAsync(bruno, id)).ConcurrencyToken;
        await BadAsync(await bruno.PutJsonAsync($"/api/variants/{id}/content", new { fields = new { nope = "x" }, token }), "fields");
        await BadAsync(await bruno.PutJsonAsync($"/api/variants/{id}/content", new { fields = new { nope = "x" } }), "token");
        await BadAsync(await bruno.PostAsync($"/api/variants/{id}/approve",
            new StringContent("{\"seenHash\": 42}", Encoding.UTF8, "application/json")), "seenHash");
        await BadAsync(await bruno.PostAsync($"/api/variants/{id}/reject", new StringContent("{not json", Encoding.UTF8, "application/json")), "body");
        await BadAsync(await bruno.PostJsonAsync($"/api/variants/{id}/publish", new { dueUtc = "2030-01-31T09:00:00Z" }), "targetId");
        await BadAsync(await bruno.GetAsync("/api/queue?state=Pending"), "state");
        await BadAsync(await bruno.GetAsync("/api/queue?page=0"), "page");
        (await ReadAsync(bruno, id)).State.ShouldBe("InReview");
    }

    [Fact]
    public async Task TheQueueTakesThePagesFiltersAndPages()
    {
        var pool = await VariantPool.ForAsync(app);
        var id = await pool.TakeAsync(ReviewState.InReview);
        var priya = await StudioHttp.ClientAsync(app, Who.PromptEngineer);
        var campaignId = (await (await priya.GetAsync($"/api/variants/{id}")).ReadAsync<System.Text.Json.JsonElement>()).GetProperty("campaignId").GetGuid();

        var page = await (await priya.GetAsync($"/api/queue?campaignId={campaignId}&state=inreview&channel=Email&sort=Age&page=1"))
            .ReadAsync<System.Text.Json.JsonElement>();
        var items = page.GetProperty("items").EnumerateArray().ToList();
        items.ShouldContain(i => i.GetProperty("variantId").GetGuid() == id);
        items.ShouldAllBe(i => i.GetProperty("reviewState").GetString() == "InReview" && i.GetProperty("campaignId").GetGuid() == campaignId);
        page.GetProperty("page").GetInt32().ShouldBe(1);
        page.GetProperty("total").GetInt32().ShouldBe(items.Count); // fewer than a page of them are in review
    }

    [Fact]
    public async Task ACrossSiteFormPostCannotDriveTheApiEvenWithTheCookie()
    {
        var id = await (await VariantPool.ForAsync(app)).TakeAsync(ReviewState.Generated);
        var maria = await StudioHttp.ClientAsync(app, Who.Marketer);

        // What an HTML form can send: urlencoded, multipart, text/plain. A body-less POST without any content type too.
        var attempts = new HttpContent?[]
        {
            new FormUrlEncodedContent(new Dictionary<string, string> { ["x"] = "1" }),
            new MultipartFormDataContent { { new StringContent("1"), "x" } },
            new StringContent("{}", Encoding.UTF8, "text/plain"),
            null,
        };
        foreach (var content in attempts)
        {
            var response = await maria.PostAsync($"/api/variants/{id}/submit", content);
            response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType, content?.Headers.ContentType?.MediaType ?? "no content type");
        }
        (await ReadAsync(maria, id)).State.ShouldBe("Generated");

        // And the browser would not even send the cookie on a cross-site POST.
        var (_, login) = await StudioHttp.SignInAsync(app, TestUsers.Marketer);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ContentStudio.Auth=", StringComparison.Ordinal));
        cookie.ShouldContain("samesite=lax", Case.Insensitive);
        cookie.ShouldContain("httponly", Case.Insensitive);
    }

    private static async Task BadAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        (await response.ReadAsync<ProblemJson>()).Errors!.Keys.ToArray().ShouldBe([field], body);
    }

    private static async Task<VariantJson> ReadAsync(HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/variants/{id}")).ReadAsync<VariantJson>();
}
