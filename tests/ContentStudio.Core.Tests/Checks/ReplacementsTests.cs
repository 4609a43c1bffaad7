using ContentStudio.Core.Checks;

namespace ContentStudio.Core.Tests.Checks;

public class ReplacementsTests
{
    private static readonly CheckPipeline Pipeline = new CheckPipelineFactory().ForBrand(null);

    [Fact]
    public void AnInclusiveTermOffersEachAlternativeAsItsOwnReplacement()
    {
        var finding = Pipeline.Run("Hey guys, the new blend is here.").Findings.Single(f => f.RuleId.StartsWith("inclusive.gender"));
        var options = Replacements.For(finding);
        options.ShouldContain("everyone");
        options.ShouldAllBe(o => !o.Contains('/'));
        Replacements.Apply("Hey guys, the new blend is here.", finding, "everyone").ShouldBe("Hey everyone, the new blend is here.");
    }

    [Fact]
    public void AdviceIsNotOfferedAsReplacementText()
    {
        var advice = new Finding("brand.voice.hype", CheckCategories.Voice, Severity.Warning, "body", 0, 7, "AMAZING", "hype", "a concrete benefit");
        Replacements.For(advice).ShouldBeEmpty();
    }

    [Fact]
    public void AFindingWithoutASpanHasNothingToReplace()
    {
        var whole = new Finding("inclusive.age.elderly", "inclusive.age", Severity.Warning, "body", 0, 0, "", "why", "older people");
        Replacements.For(whole).ShouldBeEmpty();
    }
}
