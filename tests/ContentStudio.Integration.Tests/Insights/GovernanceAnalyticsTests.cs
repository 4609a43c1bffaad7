using ContentStudio.Core.Channels;
using ContentStudio.Core.Checks;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Insights;
using ContentStudio.Core.Insights.Governance;
using ContentStudio.Core.Review;
using ContentStudio.Integration.Tests.Infrastructure;
using ContentStudio.Integration.Tests.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ContentStudio.Core.Kernel;
using static ContentStudio.Testing.People;

namespace ContentStudio.Integration.Tests.Insights;

/// <summary>Governance figures from aggregate queries on a real database: gate and state counts, decisions and
/// overrides, and the review cycle's nearest-rank median and 90th percentile, for one brand or all.</summary>
public abstract class GovernanceAnalyticsTests : StudioTests
{
    protected override void ConfigureServices(IServiceCollection services) => services.AddInsights();

    [Fact]
    public async Task CountsGatesStatesAndDecisionsAndMeasuresTheReviewCycleForOneBrand()
    {
        var now = Studio.Clock.GetUtcNow().UtcDateTime;
        var lumen = await Studio.CampaignAsync("Governance", 3, null, variants:
        [
            new("students", ChannelKind.Email, Gate.Clean, ReviewState.Approved),
            new("students", ChannelKind.Email, Gate.Clean, ReviewState.Approved),
            new("students", ChannelKind.Email, Gate.NeedsReview, ReviewState.Rejected),
            new("students", ChannelKind.Email, Gate.Blocked, ReviewState.Approved),
            new("students", ChannelKind.Email, Gate.NeedsReview, ReviewState.ChangesRequested),
            new("students", ChannelKind.Email, Gate.Clean, ReviewState.InReview),
        ]);
        var other = await Studio.CampaignAsync("Elsewhere", 3, null, brand: "acme", variants: [new("students", ChannelKind.Sms, Gate.Blocked, ReviewState.Rejected)]);
        await using (var db = Studio.Db())
        {
            var ids = await db.Variants.Where(v => v.CampaignId == lumen.Id).OrderBy(v => v.VariantIndex).Select(v => v.Id).ToListAsync();
            var acme = await db.Variants.Where(v => v.CampaignId == other.Id).Select(v => v.Id).SingleAsync();
            void Decide(Guid id, ReviewAction action, double hours) => db.ReviewDecisions.Add(new ReviewDecision
                { VariantId = id, Action = action, DecidedBy = Bree.Id, AtUtc = now.AddHours(hours), ContentHash = "h" });
            Decide(ids[0], ReviewAction.Submit, 0.5); // not a verdict: the cycle runs to the first verdict
            Decide(ids[0], ReviewAction.Approve, 1);
            Decide(ids[1], ReviewAction.Approve, 2);
            Decide(ids[2], ReviewAction.Reject, 3);
            Decide(ids[3], ReviewAction.OverrideApprove, 4);
            Decide(ids[4], ReviewAction.RequestChanges, 10);
            Decide(ids[4], ReviewAction.Approve, 30); // a second round: not the cycle
            Decide(acme, ReviewAction.Reject, 100);   // another brand
            await db.SaveChangesAsync();
        }

        var report = await Studio.Get<GovernanceAnalytics>().ForPeriodAsync("lumen", now.AddDays(-1), now.AddDays(2), Pat);

        report.VariantsGenerated.ShouldBe(6);
        report.Gates.ShouldBe(new Dictionary<string, int> { ["Clean"] = 3, ["NeedsReview"] = 2, ["Blocked"] = 1 }, ignoreOrder: true);
        report.ReviewStates["Approved"].ShouldBe(3);
        report.Decisions.ShouldBe(new Dictionary<string, int>
            { ["Submit"] = 1, ["Approve"] = 3, ["Reject"] = 1, ["OverrideApprove"] = 1, ["RequestChanges"] = 1 }, ignoreOrder: true);
        report.Overrides.ShouldBe(1);
        // Cycles 1, 2, 3, 4, 10 hours: nearest rank ⌈0.5·5⌉ = 3rd → 3 h, ⌈0.9·5⌉ = 5th → 10 h.
        report.DecidedVariants.ShouldBe(5);
        report.CycleMedianHours!.Value.ShouldBe(3.0, 0.001);
        report.CycleP90Hours!.Value.ShouldBe(10.0, 0.001);
        report.ToCsv().ShouldContain("review_cycle_median_hours,,3\n");
        report.ToCsv().ShouldContain("gate,Blocked,1\n");

        var all = await Studio.Get<GovernanceAnalytics>().ForPeriodAsync(null, now.AddDays(-1), now.AddDays(5), Pat);
        all.VariantsGenerated.ShouldBe(7);
        all.Decisions["Reject"].ShouldBe(2);
        all.DecidedVariants.ShouldBe(6);
    }

    [Fact]
    public async Task AnEmptyPeriodHasNoCycleAndAReversedOneIsRefused()
    {
        var now = Studio.Clock.GetUtcNow().UtcDateTime;
        var analytics = Studio.Get<GovernanceAnalytics>();

        var empty = await analytics.ForPeriodAsync("lumen", now.AddDays(-1), now, Pat);

        (empty.VariantsGenerated, empty.DecidedVariants, empty.CycleMedianHours).ShouldBe((0, 0, (double?)null));
        (await Should.ThrowAsync<ArgumentException>(() => analytics.ForPeriodAsync(null, now, now.AddDays(-1), Pat))).Message.ShouldContain("the period is empty");
    }
}

public sealed class SqliteGovernanceAnalyticsTests : GovernanceAnalyticsTests
{
    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync() =>
        Task.FromResult<(DatabaseProvider, string, Action?)>(TestDatabases.Sqlite());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresGovernanceAnalyticsTests(PostgresServer server) : GovernanceAnalyticsTests
{
    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync() =>
        TestDatabases.PostgresAsync(server, nameof(PostgresGovernanceAnalyticsTests));
}
