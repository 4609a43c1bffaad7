using System.Globalization;
using ContentStudio.Core.Checks;
using ContentStudio.Core.Insights.Calibration;
using ContentStudio.Web.Components.Pages.Insights;

namespace ContentStudio.Web.Tests.Components.Insights;

/// <summary>The governance charts: the calibration chart draws only rules with a figure, each at its precision with its
/// interval and coloured by its advice; the count bars read every count and share out.</summary>
public sealed class GovernanceChartsTests : BunitContext
{
    static readonly CalibrationSettings Settings = new(MinimumDecisions: 4);

    static RuleCalibration Rule(string key, int upheld, int overruled, Severity severity = Severity.Warning)
    {
        var (precision, interval, advice, text) = CalibrationAdvisor.Advise(upheld, overruled, severity, Settings);
        return new RuleCalibration(key, key, severity, upheld, overruled, 0, precision, interval, advice, text, []);
    }

    [Fact]
    public void TheCalibrationChartDrawsRulesWithAFigureAtTheirPrecision()
    {
        RuleCalibration[] rules = [Rule("brand.terms.deprecated", 0, 6), Rule("inclusive.gender", 16, 0), Rule("brand.terms.competitor", 1, 1)];

        var cut = Render<CalibrationChart>(p => p.Add(c => c.Rules, rules).Add(c => c.Settings, Settings).Add(c => c.Id, "cal"));

        cut.Find("svg").GetAttribute("role").ShouldBe("img");
        cut.FindAll("g[data-rule]").Select(g => g.GetAttribute("data-rule")).ShouldBe(["brand.terms.deprecated", "inclusive.gender"]);
        cut.Find("g[data-rule='brand.terms.deprecated']").ClassList.ShouldContain("overruled");
        cut.Find("g[data-rule='inclusive.gender']").ClassList.ShouldContain("winner");
        cut.FindAll(".tick").Select(t => t.TextContent).ShouldBe(["0%", "20%", "40%", "60%", "80%", "100%"]);
        double X(string selector, string attribute) => double.Parse(cut.Find(selector).GetAttribute(attribute)!, CultureInfo.InvariantCulture);
        var zero = double.Parse(cut.FindAll(".grid")[0].GetAttribute("x1")!, CultureInfo.InvariantCulture);
        var hundred = double.Parse(cut.FindAll(".grid")[^1].GetAttribute("x1")!, CultureInfo.InvariantCulture);
        X("g[data-rule='brand.terms.deprecated'] circle", "cx").ShouldBe(zero, 0.01);
        X("g[data-rule='inclusive.gender'] circle", "cx").ShouldBe(hundred, 0.01);
        ((X("g[data-rule='brand.terms.deprecated'] .whisker", "x2") - zero) / (hundred - zero)).ShouldBe(0.3903, 0.001);
        var desc = cut.Find("desc#cal-desc").TextContent;
        desc.ShouldContain("brand.terms.deprecated: 0% [0%, 39%], upheld 0, overruled 6");
        desc.ShouldNotContain("competitor");
    }

    [Fact]
    public void CountBarsReadEveryCountAndShareOut()
    {
        var cut = Render<CountBarChart>(p => p.Add(c => c.Counts, [("Clean", 6), ("NeedsReview", 3), ("Blocked", 1)])
            .Add(c => c.Id, "gates").Add(c => c.Title, "Where the checks sent the copy").Add(c => c.AxisLabel, "variants"));

        cut.Find("desc#gates-desc").TextContent.ShouldBe("Clean 6 (60%); NeedsReview 3 (30%); Blocked 1 (10%)");
        double Width(string bar) => double.Parse(cut.Find($"g[data-bar='{bar}'] rect").GetAttribute("width")!, CultureInfo.InvariantCulture);
        (Width("NeedsReview") / Width("Clean")).ShouldBe(0.5, 0.01);
        cut.Find("g[data-bar='Blocked'] .value").TextContent.ShouldBe("1 (10%)");
    }
}
