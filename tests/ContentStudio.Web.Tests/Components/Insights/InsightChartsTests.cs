using System.Globalization;
using ContentStudio.Core.Insights.Experiments;
using ContentStudio.Core.Insights.Statistics;
using ContentStudio.Web.Components.Pages.Insights;

namespace ContentStudio.Web.Tests.Components.Insights;

/// <summary>The Insights charts: accessible (role, title, a description that reads the numbers), labelled axes with
/// units, and marks where the numbers put them.</summary>
public sealed class InsightChartsTests : BunitContext
{
    static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid();

    static ExperimentReport Report()
    {
        var outcome = ExperimentAnalysis.Analyse(
            [new("a", "#0 (control)", 10_000, 500, true), new("b", "#1", 10_000, 620, false), new("c", "#2", 10_000, 510, false)], new ExperimentSettings());
        var ids = new[] { A, B, C };
        var arms = outcome.Arms.Select((s, i) => new ExperimentArm(ids[i], i, s.Label, "Subject", s)).ToList();
        return new ExperimentReport("students", "Email", A, true, arms, outcome.Decision, B, outcome.Reason, outcome.PlannedTrialsPerArm, 0);
    }

    [Fact]
    public void TheRateChartIsAnAccessibleImageWithAxisUnitsAndOneIntervalPerArm()
    {
        var cut = Render<RateIntervalChart>(p => p.Add(c => c.Report, Report()).Add(c => c.Id, "r0").Add(c => c.MetricName, "clicks"));

        var svg = cut.Find("svg");
        svg.GetAttribute("role").ShouldBe("img");
        svg.GetAttribute("aria-labelledby").ShouldBe("r0-title r0-desc");
        cut.Find("title#r0-title").TextContent.ShouldBe("students × Email: clicks per impression");
        var desc = cut.Find("desc#r0-desc").TextContent;
        desc.ShouldContain("#1 6.20% (5.74% to 6.69%) from 620 of 10,000");
        cut.Find(".axis-label").TextContent.ShouldContain("clicks per impression (%)");
        cut.FindAll(".tick").Select(t => t.TextContent).ShouldContain("0%");
        cut.FindAll("g[data-arm]").Count.ShouldBe(3);
        cut.Find($"g[data-arm='{B}']").ClassList.ShouldContain("winner");
        cut.Find($"g[data-arm='{A}']").ClassList.ShouldContain("control");
    }

    [Fact]
    public void DotsSitInProportionToTheirRates()
    {
        var cut = Render<RateIntervalChart>(p => p.Add(c => c.Report, Report()).Add(c => c.Id, "r0").Add(c => c.MetricName, "clicks"));

        double Cx(Guid id) => double.Parse(cut.Find($"g[data-arm='{id}'] circle").GetAttribute("cx")!, CultureInfo.InvariantCulture);
        var zero = double.Parse(cut.FindAll(".grid")[0].GetAttribute("x1")!, CultureInfo.InvariantCulture);
        ((Cx(B) - zero) / (Cx(A) - zero)).ShouldBe(0.062 / 0.05, 0.01);
    }

    [Fact]
    public void TheProbabilityChartHasBarsOnAZeroToHundredPercentAxis()
    {
        var report = Report();
        var cut = Render<ProbabilityBestChart>(p => p.Add(c => c.Report, report).Add(c => c.Id, "b0"));

        cut.Find("svg").GetAttribute("role").ShouldBe("img");
        cut.FindAll(".tick").Select(t => t.TextContent).ShouldBe(["0%", "20%", "40%", "60%", "80%", "100%"]);
        cut.Find(".axis-label").TextContent.ShouldContain("(%)");
        var best = report.Arms.Single(a => a.VariantId == B).Stats.ProbabilityBest;
        cut.Find($"g[data-arm='{B}'] .value").TextContent.ShouldBe(ExperimentReportText.Pct(best));
        cut.Find("desc#b0-desc").TextContent.ShouldContain($"#1 {ExperimentReportText.Pct(best)}");
    }
}
