using System.Net;
using ContentStudio.Core.Review;
using ContentStudio.E2E.Tests.Infrastructure;
using ContentStudio.Core.Kernel;

namespace ContentStudio.E2E.Tests.Api;

/// <summary>Core's input limits come back over HTTP as 400 naming the field and the limit, and nothing is stored.</summary>
[Collection(StudioAppCollection.Name)]
public class ApiInputLimitsTests(StudioAppFixture app)
{
    [Fact]
    public async Task ATooLongCommentIs400NamingTheFieldAndTheLimit()
    {
        var id = await (await VariantPool.ForAsync(app)).TakeAsync(ReviewState.InReview);
        var bruno = await StudioHttp.ClientAsync(app, Who.BrandManager);
        var response = await bruno.PostJsonAsync($"/api/variants/{id}/comments", new { text = new string('x', 10_001) });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.ReadAsync<ProblemJson>();
        problem.Errors!.Keys.ShouldBe(["text"]);
        problem.Detail.ShouldStartWith("The comment is 10,001 characters; the limit is 10,000.");
        (await (await bruno.GetAsync($"/api/variants/{id}")).ReadAsync<VariantJson>()).Comments.ShouldBeEmpty();
    }

    [Fact]
    public async Task ATooLongEditedFieldIs400NamingTheField()
    {
        var id = await (await VariantPool.ForAsync(app)).TakeAsync(ReviewState.InReview);
        var maria = await StudioHttp.ClientAsync(app, Who.Marketer);
        var loaded = await (await maria.GetAsync($"/api/variants/{id}")).ReadAsync<VariantJson>();
        var field = loaded.Fields.Keys.Order(StringComparer.Ordinal).First();
        var fields = new Dictionary<string, string>(loaded.Fields) { [field] = new string('x', 10_001) }; // over any field's limit, under the API's body size limit

        var response = await maria.PutJsonAsync($"/api/variants/{id}/content", new { fields, token = loaded.ConcurrencyToken });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.ReadAsync<ProblemJson>();
        problem.Errors!.Keys.ShouldBe(["fields"]);
        problem.Detail.ShouldStartWith($"Field '{field}' is 10,001 characters; the limit is ");
        (await (await maria.GetAsync($"/api/variants/{id}")).ReadAsync<VariantJson>()).ContentHash.ShouldBe(loaded.ContentHash);
    }
}
