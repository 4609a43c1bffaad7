using ContentStudio.Core.Audit;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Insights;
using ContentStudio.Core.Insights.Experiments;
using ContentStudio.Core.Insights.Results;
using ContentStudio.Core.Insights.Statistics;
using ContentStudio.Integration.Tests.Infrastructure;
using ContentStudio.Integration.Tests.Review;
using Microsoft.Extensions.DependencyInjection;
using static ContentStudio.Testing.People;

namespace ContentStudio.Integration.Tests.Insights;

/// <summary>A campaign's experiment from imported results: sums per variant in the database, the control (default,
/// then designated), and the same statistics the pure analysis gives.</summary>
public sealed class ExperimentReportsTests : StudioTests
{
    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync() =>
        Task.FromResult<(DatabaseProvider, string, Action?)>(TestDatabases.Sqlite());

    protected override void ConfigureServices(IServiceCollection services) => services.AddInsights();

    [Fact]
    public async Task SumsEverySendDateAndJudgesTheArmsAgainstTheControl()
    {
        var seed = await InsightsSeed.CreateAsync(Studio);
        var (a, b, c) = (seed.Published[0].Id, seed.Published[1].Id, seed.Published[2].Id);
        // Two send dates per arm: the report must add them up (a: 10,000 / 500, b: 10,000 / 620, c: 10,000 / 510).
        var csv = $"""
                   variant_id,send_date,impressions,clicks,conversions
                   {a},2026-11-20,6000,300,30
                   {a},2026-11-21,4000,200,20
                   {b},2026-11-20,6000,372,40
                   {b},2026-11-21,4000,248,20
                   {c},2026-11-20,5000,250,25
                   {c},2026-11-21,5000,260,25
                   """;
        (await Studio.Get<ResultsImporter>().ImportAsync(new StringReader(csv), "r.csv", Maria)).Succeeded.ShouldBeTrue();
        var reports = Studio.Get<ExperimentReports>();

        var report = (await reports.ForCampaignAsync(seed.CampaignId, Pat)).Experiments.ShouldHaveSingleItem();

        (report.SegmentKey, report.Channel, report.ControlVariantId, report.ControlDesignated).ShouldBe(("young-professionals", "Email", a, false));
        report.Arms[1].Preview.ShouldBe("Subject 1"); // the subject, not the alphabetically first field (body)
        report.Arms.Select(x => (x.VariantId, x.Stats.Trials, x.Stats.Successes)).ShouldBe([(a, 10_000L, 500L), (b, 10_000L, 620L), (c, 10_000L, 510L)]);
        var expected = ExperimentAnalysis.Analyse(
            [new("a", "a", 10_000, 500, true), new("b", "b", 10_000, 620, false), new("c", "c", 10_000, 510, false)], new ExperimentSettings());
        report.Arms.Select(x => x.Stats.ProbabilityBest).ShouldBe(expected.Arms.Select(x => x.ProbabilityBest));
        (report.Decision, report.WinnerVariantId).ShouldBe((ExperimentDecision.Winner, b));
        ExperimentReportText.Text(new CampaignExperiments(seed.CampaignId, "x", ExperimentMetric.Clicks, new ExperimentSettings(), [report]))
            .ShouldContain("decision: WINNER #1");

        await reports.DesignateControlAsync(b, Maria);
        var designated = (await reports.ForCampaignAsync(seed.CampaignId, Pat)).Experiments.Single();
        (designated.ControlVariantId, designated.ControlDesignated).ShouldBe((b, true));
        designated.Arms.Single(x => x.VariantId == a).Stats.Lift!.Value.ShouldBe(500.0 / 620 - 1, 1e-9);
        (designated.Decision, designated.WinnerVariantId).ShouldBe((ExperimentDecision.Winner, b)); // both others are below it
        (await Studio.AuditEventsAsync()).ShouldContain(e => e.Action == AuditActions.ExperimentControlDesignated && e.EntityId == b.ToString());
    }

    [Fact]
    public async Task ConversionsCanBeTheMetricAndTooFewEventsMeanKeepTesting()
    {
        var seed = await InsightsSeed.CreateAsync(Studio);
        var csv = string.Join("\n", new[] { "variant_id,send_date,impressions,clicks,conversions" }
            .Concat(seed.Published.Select(v => $"{v.Id},2026-11-20,10000,500,40")));
        await Studio.Get<ResultsImporter>().ImportAsync(new StringReader(csv), "r.csv", Maria);

        var report = (await Studio.Get<ExperimentReports>().ForCampaignAsync(seed.CampaignId, Pat, ExperimentMetric.Conversions)).Experiments.Single();

        report.Arms.ShouldAllBe(x => x.Stats.Successes == 40);
        report.Decision.ShouldBe(ExperimentDecision.KeepTesting);
        report.Reason.ShouldContain("fewer than the 100 events");
    }

    [Fact]
    public async Task AnUnknownCampaignIsSaidSo() =>
        await Should.ThrowAsync<CampaignNotFoundException>(() => Studio.Get<ExperimentReports>().ForCampaignAsync(Guid.NewGuid(), Pat));
}
