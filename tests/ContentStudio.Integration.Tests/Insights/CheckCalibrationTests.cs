using ContentStudio.Core.Channels;
using ContentStudio.Core.Checks;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Insights;
using ContentStudio.Core.Insights.Calibration;
using ContentStudio.Core.Review;
using ContentStudio.Integration.Tests.Infrastructure;
using ContentStudio.Integration.Tests.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ContentStudio.Core.Kernel;
using static ContentStudio.Testing.People;

namespace ContentStudio.Integration.Tests.Insights;

/// <summary>Checks calibrated by reviewers on a real database seeded with check reports and verdicts whose figures are
/// worked out by hand below (Wilson intervals at 95 %, z² = 3.8415; minimum sample 4 for the test).</summary>
public abstract class CheckCalibrationTests : StudioTests
{
    const string Deprecated = "brand.terms.deprecated", Unapproved = "claims.unapproved", Gendered = "inclusive.gender.gendered-term",
        Competitor = "brand.terms.competitor", Readability = "brand.readability.grade";

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddInsights();
        services.Configure<InsightsOptions>(o => o.CalibrationMinimumDecisions = 4);
    }

    static Finding F(string rule, string category, Severity severity, string text) => new(rule, category, severity, "body", 0, text.Length, text, $"{rule} found '{text}'");

    [Fact]
    public async Task UpheldAndOverruledFindingsGiveEachRuleAPrecisionWithAWilsonIntervalAndAdvice()
    {
        var now = Studio.Clock.GetUtcNow().UtcDateTime;
        var campaign = await Studio.CampaignAsync("Calibration", 3, null,
            variants: Enumerable.Range(0, 33).Select(_ => new QueueSeed.Spec("students", ChannelKind.Email, Gate.NeedsReview)));
        var acme = await Studio.CampaignAsync("Elsewhere", 3, null, brand: "acme", variants: [new("students", ChannelKind.Email, Gate.NeedsReview)]);
        await using (var db = Studio.Db())
        {
            var v = await db.Variants.Where(x => x.CampaignId == campaign.Id).OrderBy(x => x.VariantIndex).ToListAsync();
            var other = await db.Variants.SingleAsync(x => x.CampaignId == acme.Id);
            long seq = 0;
            void Report(Variant variant, params Finding[] findings) =>
                variant.CheckReportJson = StoredReports.Serialize(CheckReport.Create(findings, [], "test"));
            void Decide(Variant variant, ReviewAction action, string? comment = null, string? hash = null, double hours = 1) =>
                db.ReviewDecisions.Add(new ReviewDecision { VariantId = variant.Id, Action = action, DecidedBy = Bree.Id, AtUtc = now.AddHours(hours),
                    AuditSequence = ++seq, ContentHash = hash ?? variant.ContentHash, Comment = comment });
            var term = F(Deprecated, CheckCategories.BrandTerms, Severity.Warning, "utilize");
            // 0–5: the deprecated term, approved six times (v0 has it twice and an info finding; v5 was sent back on older content first).
            Report(v[0], term, term with { Start = 10 }, F(Readability, CheckCategories.Readability, Severity.Info, ""));
            for (var i = 1; i < 6; i++) Report(v[i], term);
            for (var i = 0; i < 6; i++) Decide(v[i], ReviewAction.Approve, i == 0 ? "fine in a headline" : null);
            Decide(v[5], ReviewAction.RequestChanges, "try again", hash: "older-content", hours: 0.5);
            // 6–9: an unapproved-claim blocker, overridden four times (plus one override before the period: not counted).
            for (var i = 6; i < 10; i++) { Report(v[i], F(Unapproved, CheckCategories.Claims, Severity.Blocker, "clinically proven")); Decide(v[i], ReviewAction.OverrideApprove, "Approved by legal"); }
            Decide(v[6], ReviewAction.OverrideApprove, "earlier", hours: -48);
            // 10–25: a gendered term, rejected or sent back sixteen times (v10's finding came from the campaign checks).
            for (var i = 10; i < 26; i++)
            {
                var finding = F(Gendered, CheckCategories.Gender, Severity.Warning, "chairman");
                if (i == 10) { Report(v[i]); v[i].CampaignFindingsJson = StoredReports.SerializeFindings([finding]); }
                else Report(v[i], finding);
                Decide(v[i], i % 2 == 0 ? ReviewAction.Reject : ReviewAction.RequestChanges, "Use chair");
            }
            // 26–27: a competitor's name, once approved and once rejected: too few for a figure.
            Report(v[26], F(Competitor, CheckCategories.BrandTerms, Severity.Warning, "Brightly"));
            Report(v[27], F(Competitor, CheckCategories.BrandTerms, Severity.Warning, "Brightly"));
            Decide(v[26], ReviewAction.Approve);
            Decide(v[27], ReviewAction.Reject, "No competitors");
            // 28–29: rejected with no warning or blocker: possible misses. 30: clean and approved. 31: decided only on older content.
            Report(v[28]);
            Report(v[29], F(Readability, CheckCategories.Readability, Severity.Info, ""));
            Report(v[30]);
            Decide(v[28], ReviewAction.Reject, "Tone is off");
            Decide(v[29], ReviewAction.RequestChanges, "Too long");
            Decide(v[30], ReviewAction.Approve);
            Report(v[31], term);
            Decide(v[31], ReviewAction.Approve, hash: "content-before-an-edit");
            // 32: no verdict (only a submit). Another brand's approval of the term: not counted for lumen.
            Report(v[32], term);
            Decide(v[32], ReviewAction.Submit);
            Report(other, term);
            Decide(other, ReviewAction.Approve);
            await db.SaveChangesAsync();
        }

        var report = await Studio.Get<CheckCalibration>().ForPeriodAsync("lumen", now.AddDays(-1), now.AddDays(1), Pat);

        (report.VariantsDecided, report.VariantsNotComparable, report.MinimumDecisions).ShouldBe((31, 1, 4));
        report.Rules.Select(r => r.Key).ShouldBe([Deprecated, Unapproved, Competitor, Gendered]); // most overruled first
        report.Rules.ShouldNotContain(r => r.Key == Readability); // info findings are not evidence

        var deprecated = report.Rules.Single(r => r.Key == Deprecated);
        (deprecated.Upheld, deprecated.Overruled, deprecated.Overrides, deprecated.Severity).ShouldBe((0, 6, 0, Severity.Warning));
        deprecated.Precision.ShouldBe(0);
        // Wilson 0/6: upper = (z²/n)/(1 + z²/n) = 0.64025/1.64025 = 0.3903 < 0.5.
        deprecated.Interval!.Upper.ShouldBe(0.3903, 0.0005);
        deprecated.Advice.ShouldBe(CalibrationAdvice.ReviewRule);
        deprecated.Recommendation.ShouldContain("6 of 6");
        deprecated.Examples.Count.ShouldBe(CheckCalibration.ExamplesPerRule);
        deprecated.Examples.ShouldContain(e => e.Text == "utilize" && e.Comment == "fine in a headline");

        var claim = report.Rules.Single(r => r.Key == Unapproved);
        (claim.Upheld, claim.Overruled, claim.Overrides, claim.Severity).ShouldBe((0, 4, 4, Severity.Blocker));
        claim.Interval!.Upper.ShouldBe(0.4899, 0.0005); // 0.9604/1.9604
        claim.Advice.ShouldBe(CalibrationAdvice.LowerSeverity);
        claim.Examples.ShouldAllBe(e => e.Comment == "Approved by legal" && e.Action == nameof(ReviewAction.OverrideApprove));

        var gendered = report.Rules.Single(r => r.Key == Gendered);
        (gendered.Upheld, gendered.Overruled, gendered.Precision).ShouldBe((16, 0, 1.0));
        gendered.Interval!.Lower.ShouldBe(0.8064, 0.0005); // 1/(1 + 3.8415/16) ≥ 0.8
        gendered.Advice.ShouldBe(CalibrationAdvice.Keep);

        var competitor = report.Rules.Single(r => r.Key == Competitor);
        (competitor.Upheld, competitor.Overruled, competitor.Precision, competitor.Advice).ShouldBe((1, 1, (double?)null, CalibrationAdvice.TooFewDecisions));
        competitor.Recommendation.ShouldContain("2 more decided variants");

        // Category brand.terms = the deprecated term (6 overruled) + the competitor (1 overruled, 1 upheld): precision 1/8,
        // Wilson 1/8: centre 0.36509, half 0.33192, denominator 1.48019 → [0.0224, 0.4709]: upper below 0.5, a warning → review.
        var terms = report.Categories.Single(c => c.Key == CheckCategories.BrandTerms);
        (terms.Upheld, terms.Overruled, terms.Precision).ShouldBe((1, 7, 0.125));
        terms.Interval!.Lower.ShouldBe(0.0224, 0.0005);
        terms.Interval.Upper.ShouldBe(0.4709, 0.0005);
        terms.Advice.ShouldBe(CalibrationAdvice.ReviewRule);
        report.Categories.Single(c => c.Key == CheckCategories.Gender).Upheld.ShouldBe(16);

        // Misses: 2 of the 19 negative verdicts (16 gendered, 1 competitor, 2 without findings) = 0.1053.
        (report.Missed.Misses, report.Missed.NegativeVerdicts).ShouldBe((2, 19));
        report.Missed.Rate!.Value.ShouldBe(2.0 / 19, 1e-9);
        report.Missed.Examples.Select(e => e.Comment).ShouldBe(["Tone is off", "Too long"], ignoreOrder: true);

        var all = await Studio.Get<CheckCalibration>().ForPeriodAsync(null, now.AddDays(-1), now.AddDays(1), Pat);
        all.Rules.Single(r => r.Key == Deprecated).Overruled.ShouldBe(7);
    }

    [Fact]
    public async Task AnEmptyPeriodHasNoFiguresAndAReversedOneIsRefused()
    {
        var now = Studio.Clock.GetUtcNow().UtcDateTime;
        var calibration = Studio.Get<CheckCalibration>();

        var empty = await calibration.ForPeriodAsync("lumen", now.AddDays(-1), now, Pat);

        (empty.VariantsDecided, empty.Rules.Count, empty.Missed.Rate).ShouldBe((0, 0, (double?)null));
        (await Should.ThrowAsync<ArgumentException>(() => calibration.ForPeriodAsync(null, now, now.AddDays(-1), Pat))).Message.ShouldContain("the period is empty");
    }
}

public sealed class SqliteCheckCalibrationTests : CheckCalibrationTests
{
    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync() =>
        Task.FromResult<(DatabaseProvider, string, Action?)>(TestDatabases.Sqlite());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresCheckCalibrationTests(PostgresServer server) : CheckCalibrationTests
{
    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync() =>
        TestDatabases.PostgresAsync(server, nameof(PostgresCheckCalibrationTests));
}
