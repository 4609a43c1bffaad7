using ContentStudio.Core.TemplateStudio;
using ContentStudio.Web.Components.Pages.TemplateStudio;

namespace ContentStudio.Web.Tests.Components.Templates;

public sealed class EvaluationMetricsTableTests : BunitContext
{
    static readonly EvaluationResult Result = new(new EvaluationMetrics { Cases = 2, Variants = 4, GuardrailPassRate = 100 },
        new EvaluationMetrics { Cases = 2, Variants = 4, GuardrailPassRate = 100 });

    [Fact]
    public void AnEvaluationThatSawNoDifferenceSaysSoInsteadOfCallingTheVersionReleasable()
    {
        var cut = Render<EvaluationMetricsTable>(p => p
            .Add(t => t.Result, Result)
            .Add(t => t.SameOutput, true)
            .Add(t => t.Verdict, "v2 wrote exactly the same copy as the released v1 on every case."));

        var verdict = cut.Find("[data-verdict=same-output]");
        verdict.ClassList.ShouldContain("warn");
        verdict.TextContent.ShouldContain("exactly the same copy");
        cut.Markup.ShouldNotContain("may be released");
    }

    [Fact]
    public void AnEvaluationWithoutRegressionThatChangedTheCopyIsReleasable()
    {
        var cut = Render<EvaluationMetricsTable>(p => p.Add(t => t.Result, Result));

        cut.FindAll("[data-verdict=same-output]").ShouldBeEmpty();
        cut.Find(".alert.success").TextContent.ShouldBe("No regression: this version may be released.");
    }
}
