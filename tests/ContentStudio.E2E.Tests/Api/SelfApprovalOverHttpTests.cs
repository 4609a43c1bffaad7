using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ContentStudio.Core.Audit;
using ContentStudio.Core.Review;
using ContentStudio.Core.Review.Queue;
using ContentStudio.E2E.Tests.Infrastructure;
using ContentStudio.Core.Kernel;

namespace ContentStudio.E2E.Tests.Api;

/// <summary>Separation of duties over HTTP: nobody approves copy they generated or edited, an admin never through a
/// plain approval, and an admin's justified override goes through and is audited.</summary>
[Collection(StudioAppCollection.Name)]
public class SelfApprovalOverHttpTests(StudioAppFixture app)
{
    private const string Justification = "Campaign lead is away; copy checked against the brief line by line.";

    [Fact]
    public async Task TheMarketerWhoGeneratedAVariantCannotApproveItNorOverride()
    {
        var id = await (await VariantPool.ForAsync(app)).TakeAsync(ReviewState.InReview);
        var maria = await StudioHttp.ClientAsync(app, Who.Marketer);
        var hash = (await ReadAsync(id)).ContentHash;

        await DeniedAsync(await maria.PostJsonAsync($"/api/variants/{id}/approve", new { seenHash = hash }), "maria may not approve");
        await DeniedAsync(await maria.PostJsonAsync($"/api/variants/{id}/override", new { seenHash = hash, justification = Justification }),
            "maria may not override-approve");
        await NothingDecidedAsync(id);
    }

    [Fact]
    public async Task ABrandManagerWhoGeneratedAVariantCannotApproveItNotEvenByOverride()
    {
        var id = await (await VariantPool.ForAsync(app)).TakeGeneratedByBrandManagerAsync();
        var bruno = await StudioHttp.ClientAsync(app, Who.BrandManager);
        var hash = (await ReadAsync(id)).ContentHash;

        await DeniedAsync(await bruno.PostJsonAsync($"/api/variants/{id}/approve", new { seenHash = hash }),
            "bruno may not approve a variant they generated");
        await DeniedAsync(await bruno.PostJsonAsync($"/api/variants/{id}/override", new { seenHash = hash, justification = Justification }),
            "not even by override");
        await NothingDecidedAsync(id);
    }

    [Fact]
    public async Task ABrandManagerWhoEditedAVariantCannotApproveItButAColleagueCan()
    {
        var id = await (await VariantPool.ForAsync(app)).TakeAsync(ReviewState.InReview);
        var bruno = await StudioHttp.ClientAsync(app, Who.BrandManager);
        var before = await ReadAsync(id);
        var subject = before.Fields.Keys.Order(StringComparer.Ordinal).First();
        var edit = await bruno.PutJsonAsync($"/api/variants/{id}/content",
            new { fields = new Dictionary<string, string>(before.Fields) { [subject] = before.Fields[subject] + " Brewed fresh every week." }, token = before.ConcurrencyToken });
        edit.StatusCode.ShouldBe(HttpStatusCode.OK);
        var edited = await ReadAsync(id);
        edited.Gate.ShouldNotBe("Blocked", "the edit is harmless, so only the authorship rule stands in bruno's way");

        await DeniedAsync(await bruno.PostJsonAsync($"/api/variants/{id}/approve", new { seenHash = edited.ContentHash }),
            "bruno may not approve a variant they edited");
        await DeniedAsync(await bruno.PostJsonAsync($"/api/variants/{id}/override", new { seenHash = edited.ContentHash, justification = Justification }),
            "not even by override");
        await NothingDecidedAsync(id);

        var (carla, _) = await StudioHttp.SignInAsync(app, TestUsers.SecondBrandManager);
        var approved = await carla.PostJsonAsync($"/api/variants/{id}/approve", new { seenHash = edited.ContentHash });
        approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        (await ReadAsync(id)).Decisions.ShouldBe([new DecisionJson("Approve", "carla", edited.ContentHash, null)]);
    }

    [Fact]
    public async Task AnAdminCannotApprovePlainlyButAJustifiedOverrideWorksAndIsAudited()
    {
        var id = await (await VariantPool.ForAsync(app)).TakeAsync(ReviewState.InReview);
        var admin = await StudioHttp.ClientAsync(app, Who.Admin);
        var hash = (await ReadAsync(id)).ContentHash;

        await DeniedAsync(await admin.PostJsonAsync($"/api/variants/{id}/approve", new { seenHash = hash }),
            "An admin may approve only through an override with a written justification.");
        await DeniedAsync(await admin.PostJsonAsync($"/api/variants/{id}/override", new { seenHash = hash, justification = "ok" }),
            "at least 10 characters");
        await NothingDecidedAsync(id);

        var response = await admin.PostJsonAsync($"/api/variants/{id}/override", new { seenHash = hash, justification = Justification });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var after = await ReadAsync(id);
        after.State.ShouldBe("Approved");
        after.Decisions.ShouldBe([new DecisionJson("OverrideApprove", "admin", hash, Justification)]);

        // The audit log holds the override with who did it, the content approved and the justification.
        var events = (await app.Services.GetRequiredService<AuditSearch>().SearchAsync(new AuditFilter(EntityId: id.ToString(),
            Action: AuditActions.ReviewOverrideApproved), StudioUser.System)).Events;
        var logged = events.ShouldHaveSingleItem();
        logged.Actor.ShouldBe("admin");
        logged.DataJson.ShouldContain(Justification);
        logged.DataJson.ShouldContain(hash);
    }

    private static async Task DeniedAsync(HttpResponseMessage response, string reason)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, body);
        (await response.ReadAsync<ProblemJson>()).Detail.ShouldContain(reason);
    }

    private async Task NothingDecidedAsync(Guid id)
    {
        var v = await ReadAsync(id);
        v.State.ShouldBe("InReview");
        v.Decisions.ShouldBeEmpty();
    }

    private async Task<VariantJson> ReadAsync(Guid id) =>
        await (await (await StudioHttp.ClientAsync(app, Who.Admin)).GetAsync($"/api/variants/{id}")).ReadAsync<VariantJson>();
}
