using ContentStudio.Core.Checks;
using ContentStudio.Core.Checks.Safety;
using ContentStudio.Core.Llm;

namespace ContentStudio.Core.Tests.Checks.Safety;

public class ProviderSafetyFindingsTests
{
    [Theory]
    [InlineData("violence", "high", false, Severity.Blocker)]
    [InlineData("sexual", "medium", true, Severity.Blocker)] // filtered, whatever the rating
    [InlineData("hate", "medium", false, Severity.Warning)]
    [InlineData("jailbreak", "detected", false, Severity.Warning)]
    [InlineData("self_harm", "low", false, Severity.Info)]
    public void RatesWhatTheProviderFlaggedByItsSeverityAndWhetherItFiltered(string category, string severity, bool filtered, Severity expected)
    {
        var finding = ProviderSafetyFindings.From([new ProviderSafetyResult(category, severity, filtered, InPrompt: false)]).Single();

        (finding.RuleId, finding.Category, finding.Severity).ShouldBe(($"provider.content-filter.{category}", CheckCategories.ProviderSafety, expected));
        finding.Message.ShouldContain($"'{category}' as {severity}");
        finding.Message.ShouldContain("reply");
    }

    [Fact]
    public void AddsTheFindingsToTheItemsReportAndScoresTheirCategory()
    {
        var own = CheckReport.Create([new Finding("brand.voice.hype", CheckCategories.Voice, Severity.Info, "headline", 0, 4, "Best", "hype")],
            [CheckCategories.Voice], "rules-1");

        var merged = ProviderSafetyFindings.AddTo(own, [new ProviderSafetyResult("violence", "high", false, InPrompt: true)]);

        merged.Findings.Count.ShouldBe(2);
        merged.Gate.ShouldBe(Gate.Blocked);
        merged.CategoryScores[CheckCategories.ProviderSafety].ShouldBe(40);
        merged.RuleSetVersion.ShouldBe("rules-1");
        merged.Findings.Last().Message.ShouldContain("prompt");
        ProviderSafetyFindings.AddTo(own, []).ShouldBeSameAs(own);
    }
}
