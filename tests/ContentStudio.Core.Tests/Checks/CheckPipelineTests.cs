using ContentStudio.Testing;
using ContentStudio.Core.Brands;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Checks;

namespace ContentStudio.Core.Tests.Checks;

public sealed class CheckPipelineTests
{
    private sealed class ThrowingCheck : ITextCheck
    {
        public IReadOnlyList<string> RuleIds { get; } = ["test.throws"];
        public IReadOnlyList<string> Categories { get; } = ["test"];
        public void Run(CheckContext context) => throw new InvalidOperationException("boom");
    }

    private sealed class FixedCheck(Severity severity, string category = "test") : ITextCheck
    {
        public IReadOnlyList<string> RuleIds { get; } = ["test.fixed"];
        public IReadOnlyList<string> Categories { get; } = [category];
        public void Run(CheckContext context) =>
            context.Add(new Finding("test.fixed", category, severity, "body", 0, 1, "x", "because", null));
    }

    [Fact]
    public void ACheckThatThrowsBecomesAnErrorFindingAndTheOthersStillRun()
    {
        var pipeline = new CheckPipelineBuilder().Add(new ThrowingCheck()).UseInclusiveLanguage().Build();
        var report = pipeline.Run("Hey guys, welcome.");
        report.Findings.ShouldContain(f => f.RuleId == CheckPipeline.ErrorRuleId && f.Message.Contains("boom"));
        report.Findings.ShouldContain(f => f.RuleId == "inclusive.gender.guys");
        report.Gate.ShouldBe(Gate.NeedsReview);
    }

    [Fact]
    public void BuilderRefusesChecksAfterBuild()
    {
        var builder = new CheckPipelineBuilder().UsePii();
        var pipeline = builder.Build();
        Should.Throw<InvalidOperationException>(() => builder.Add(new ThrowingCheck()));
        builder.Build().ShouldBeSameAs(pipeline);
    }

    [Fact]
    public void RunsChecksInTheOrderAdded()
    {
        var pipeline = new CheckPipelineBuilder().UsePii().UseLeakage().UseInclusiveLanguage().Build();
        pipeline.Checks.Select(c => c.GetType().Name).ShouldBe(["PiiCheck", "LeakageCheck", "InclusiveLanguageCheck"]);
    }

    [Theory]
    [InlineData(Severity.Info, Gate.Clean, 95)]
    [InlineData(Severity.Warning, Gate.NeedsReview, 80)]
    [InlineData(Severity.Blocker, Gate.Blocked, 40)]
    public void GateAndScoreFollowTheWorstSeverity(Severity severity, Gate gate, int score)
    {
        var report = new CheckPipelineBuilder().Add(new FixedCheck(severity)).Build().Run("x");
        report.Gate.ShouldBe(gate);
        report.Score.ShouldBe(score);
        report.CategoryScores["test"].ShouldBe(100 - CheckReport.Penalty(severity));
    }

    [Fact]
    public void CleanCopyScoresFullMarksInEveryCheckedCategory()
    {
        var report = new CheckPipelineFactory().ForBrand(SpecBrands.Acme).Run(
            VariantContent.FromText("Your Acme Saver rate went up. Check it in the app. Reply STOP to opt out", ChannelKind.Sms));
        report.Findings.ShouldBeEmpty();
        report.Gate.ShouldBe(Gate.Clean);
        report.Score.ShouldBe(100);
        report.CategoryScores.Keys.ShouldContain(CheckCategories.Gender);
        report.CategoryScores.Keys.ShouldContain(CheckCategories.Claims);
        report.CategoryScores.Values.ShouldAllBe(v => v == 100);
    }

    [Fact]
    public void FactoryBuildsOncePerBrandVersion()
    {
        var factory = new CheckPipelineFactory();
        factory.ForBrand(SpecBrands.Acme).ShouldBeSameAs(factory.ForBrand(SpecBrands.Acme));
        factory.ForBrand(null).ShouldBeSameAs(factory.ForBrand(null));
        var edited = Copy(SpecBrands.Acme, "ffff0000");
        factory.ForBrand(edited).ShouldNotBeSameAs(factory.ForBrand(SpecBrands.Acme));
        factory.ForBrand(edited).RuleSetVersion.ShouldNotBe(factory.ForBrand(SpecBrands.Acme).RuleSetVersion);
    }

    [Fact]
    public void RuleSetVersionNamesCodeDataAndBrand()
    {
        var version = new CheckPipelineFactory().ForBrand(SpecBrands.Acme).RuleSetVersion;
        version.ShouldStartWith(CheckPipelineBuilder.CodeVersion + "+");
        version.ShouldEndWith("/acme@a1b2c3d4");
    }

    [Fact]
    public void WithoutBrandOnlyBrandIndependentChecksRun()
    {
        var pipeline = new CheckPipelineFactory().ForBrand(null);
        pipeline.Checks.Select(c => c.GetType().Name).ShouldBe(
            ["InclusiveLanguageCheck", "CopyIntegrityCheck", "ChannelRulesCheck", "PiiCheck", "LeakageCheck", "LlmJudgeCheck"]);
    }

    [Fact]
    public void JudgesReportNotRunWithTheOfflineComposer()
    {
        var report = new CheckPipelineFactory().ForBrand(null).Run("Hello");
        report.NotRun.Select(n => n.RuleId).ShouldBe(["judge.voice-match", "judge.subtle-bias"]);
        report.NotRun.ShouldAllBe(n => n.Message.StartsWith("not run"));
        report.Findings.ShouldNotContain(f => f.Category == CheckCategories.Judge);
    }

    [Fact]
    public void ReportsSpansInUtf16CodeUnits()
    {
        var report = new CheckPipelineBuilder().UseInclusiveLanguage().Build().Run("🎉🎉 Crazy deals");
        var finding = report.Findings.Single();
        finding.Start.ShouldBe(5);
        finding.Length.ShouldBe(5);
    }

    private static Brand Copy(Brand b, string hash) => new()
    {
        Slug = b.Slug, Name = b.Name, ContentHash = hash, BannedTerms = b.BannedTerms, DeprecatedTerms = b.DeprecatedTerms,
        ProductNames = b.ProductNames, Competitors = b.Competitors, Claims = b.Claims, Disclaimers = b.Disclaimers, Style = b.Style,
    };
}
