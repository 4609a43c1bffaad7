using ContentStudio.Core.Brands;
using ContentStudio.Core.Campaigns;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Segments;
using ContentStudio.Integration.Tests.Infrastructure;

namespace ContentStudio.Integration.Tests.Generation;

public abstract class CampaignServiceTests : StudioTests
{
    private CampaignService Campaigns => Studio.Get<CampaignService>();

    [Fact]
    public async Task CreatesACampaignFromTheSampleBriefFile()
    {
        await Studio.Get<SegmentStore>().SeedIfEmptyAsync(TestData.LumenSegments);

        var campaign = await Campaigns.CreateFromFileAsync(TestData.SamplePath("brief-lumen.json"), "ana");

        var read = await Campaigns.GetAsync(campaign.Id);
        read.ShouldNotBeNull();
        read.Brief.Channels.ShouldBe([ChannelKind.Email, ChannelKind.Sms, ChannelKind.LandingHero]);
        read.Brief.VariantsPerSegment.ShouldBe(2);
        read.CreatedBy.ShouldBe("ana");
    }

    [Fact]
    public async Task RefusesABriefFileWithAnUnknownSegmentNamingTheFileAndField()
    {
        await Studio.Get<SegmentStore>().SeedIfEmptyAsync(TestData.LumenSegments);
        var path = TestData.SamplePath("brief-unknown-segment.json");

        var error = await Should.ThrowAsync<BriefValidationException>(() => Campaigns.CreateFromFileAsync(path, "ana"));

        error.Message.ShouldContain(path);
        error.Errors.ShouldContain(e => e.Field == "segmentKeys" && e.Message.Contains("'astronauts' is unknown"));
        (await Campaigns.ListAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task RefusesABriefFileWithAMisspelledFieldNamingTheFileLineAndField()
    {
        var path = TestData.SamplePath("brief-typo.json");

        var error = await Should.ThrowAsync<BriefFileException>(() => Campaigns.CreateFromFileAsync(path, "ana"));

        error.Error.File.ShouldBe(path);
        error.Error.Line.ShouldBe(7);
        error.Message.ShouldContain("chanels");
    }

    [Fact]
    public async Task RefusesABriefForABrandWithoutAGuide()
    {
        var error = await Should.ThrowAsync<BriefValidationException>(() =>
            Campaigns.CreateAsync(TestData.Brief() with { BrandSlug = "nova" }, "ana"));

        error.Errors.ShouldContain(e => e.Field == "brandSlug" && e.Message.Contains("brand-guides/nova.md"));
    }

    [Fact]
    public async Task ListsCampaignsNewestFirstWithTheirLatestRun()
    {
        var older = await Studio.CampaignAsync();
        Studio.Clock.Advance(TimeSpan.FromMinutes(1));
        var newer = await Studio.CampaignAsync(TestData.Brief() with { Name = "Autumn" });
        var run = await Studio.Get<GenerationService>().StartRunAsync(older.Id, "ana");
        await Studio.NewEngine().RunUntilIdleAsync(run.Id);

        var list = await Campaigns.ListAsync();
        var latest = await Studio.Get<RunHistory>().LatestAsync(list.Select(c => c.Id).ToList());

        list.Select(c => c.Id).ShouldBe([newer.Id, older.Id]);
        latest.ContainsKey(newer.Id).ShouldBeFalse();
        var summary = latest[older.Id];
        (summary.RunId, summary.Kind, summary.Status, summary.Written, summary.Total).ShouldBe((run.Id, RunKind.Initial, RunStatus.Completed, 12, 12));
        summary.Lanes.Total.ShouldBe(12);
    }
}

public sealed class SqliteCampaignServiceTests : CampaignServiceTests
{
    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync() =>
        Task.FromResult<(DatabaseProvider, string, Action?)>(TestDatabases.Sqlite());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresCampaignServiceTests(PostgresServer server) : CampaignServiceTests
{
    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync() =>
        TestDatabases.PostgresAsync(server, nameof(PostgresCampaignServiceTests));
}
