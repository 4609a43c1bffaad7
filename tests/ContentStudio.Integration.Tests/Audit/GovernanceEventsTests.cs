using static ContentStudio.Testing.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ContentStudio.Core.Audit;
using ContentStudio.Core.Campaigns;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Review;
using ContentStudio.Core.Segments;
using ContentStudio.Integration.Tests.Infrastructure;
using ContentStudio.Integration.Tests.Review;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Integration.Tests.Audit;

/// <summary>The governance events the audit log missed: a campaign created, a run started and cancelled, and a refused
/// review action (the rule's words and the variant), each with its actor; the chain still verifies.</summary>
public abstract class GovernanceEventsTests : StudioTests
{
    protected override void ConfigureServices(IServiceCollection services) => services.AddReview();

    private async Task<List<AuditEvent>> EventsAsync()
    {
        await using var db = Studio.Db();
        return await db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
    }

    [Fact]
    public async Task CreatingACampaignAndStartingAndCancellingItsRunAreAuditedWithTheirActor()
    {
        await Studio.Get<SegmentStore>().SeedIfEmptyAsync(TestData.LumenSegments);
        var campaign = await Studio.Get<CampaignService>().CreateAsync(TestData.Brief(), Maria);
        var run = await Studio.Get<GenerationService>().StartRunAsync(campaign.Id, Maria);
        (await Studio.Get<GenerationService>().CancelAsync(run.Id, Mia)).ShouldBeTrue();
        (await Studio.Get<GenerationService>().CancelAsync(run.Id, Mia)).ShouldBeFalse(); // already over: nothing to record

        var events = await EventsAsync();
        events.Select(e => (e.Actor, e.Action, e.EntityType, e.EntityId)).ShouldBe([
            (Maria.Id, AuditActions.CampaignCreated, "Campaign", campaign.Id.ToString()),
            (Maria.Id, AuditActions.RunStarted, "GenerationRun", run.Id.ToString()),
            (Mia.Id, AuditActions.RunCancelled, "GenerationRun", run.Id.ToString())]);
        events[0].DataJson.ShouldContain("\"brand\":\"lumen\"");
        events[1].DataJson.ShouldContain($"\"campaign\":\"{campaign.Id}\"");
        events[1].DataJson.ShouldContain("\"tasks\":12");
        events[2].DataJson.ShouldContain("\"cancelledTasks\":12");
        (await Studio.Get<AuditVerifier>().VerifyAsync()).Ok.ShouldBeTrue();
    }

    [Fact]
    public async Task ARefusedSelfApprovalLeavesAnEventNamingTheRuleAndTheVariant()
    {
        var own = await Studio.GeneratedVariantAsync(Bree);
        await Studio.Get<ReviewService>().SubmitAsync(own.Id, Bree);

        var refused = await Should.ThrowAsync<AccessDeniedException>(() => Studio.Get<ReviewService>().ApproveAsync(own.Id, own.ContentHash, Bree));

        var denied = (await EventsAsync()).Where(e => e.Action == AuditActions.AccessDenied).ShouldHaveSingleItem();
        (denied.Actor, denied.EntityType, denied.EntityId).ShouldBe((Bree.Id, "Variant", own.Id.ToString()));
        var fields = AuditDetails.Fields(denied.DataJson).ToDictionary(f => f.Label, f => f.Value);
        fields["permission"].ShouldBe(nameof(StudioPermission.ApproveVariant));
        fields["reason"].ShouldBe(refused.Message);
        fields["via"].ShouldBe("review");
        (await Studio.ReloadAsync(own.Id)).ReviewState.ShouldBe(ReviewState.InReview);
        (await Studio.Get<AuditVerifier>().VerifyAsync()).Ok.ShouldBeTrue();
    }
}

public sealed class SqliteGovernanceEventsTests : GovernanceEventsTests
{
    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync() =>
        Task.FromResult<(DatabaseProvider, string, Action?)>(TestDatabases.Sqlite());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresGovernanceEventsTests(PostgresServer server) : GovernanceEventsTests
{
    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync() =>
        TestDatabases.PostgresAsync(server, nameof(PostgresGovernanceEventsTests));
}
