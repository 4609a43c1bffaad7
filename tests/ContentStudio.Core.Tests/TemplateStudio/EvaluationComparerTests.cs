using ContentStudio.Core.TemplateStudio;
using ContentStudio.Core.Prompts;

namespace ContentStudio.Core.Tests.TemplateStudio;

public class EvaluationComparerTests
{
    private static readonly TemplateGateOptions Gate = new();

    private static EvaluationMetrics Baseline() => new()
    {
        Cases = 6, Variants = 18, GuardrailPassRate = 92, Blockers = 1, MeanScore = 90,
        CategoryMeans = new Dictionary<string, double> { ["brand.terms"] = 95, ["claims"] = 100 },
        LengthCompliance = 100, DistinctBigramRatio = 0.6, TrigramOverlap = 0.2, Failures = 0,
    };

    [Fact]
    public void AnIdenticalCandidateHasNoRegression() =>
        EvaluationComparer.Compare(Baseline(), Baseline(), Gate).ShouldBeEmpty();

    [Fact]
    public void WithoutABaselineNothingCanRegress() =>
        EvaluationComparer.Compare(Baseline() with { GuardrailPassRate = 0 }, null, Gate).ShouldBeEmpty();

    [Fact]
    public void DropsWithinTheThresholdsPass() =>
        EvaluationComparer.Compare(Baseline() with
        {
            GuardrailPassRate = 90, MeanScore = 80, DistinctBigramRatio = 0.56, TrigramOverlap = 0.24,
            CategoryMeans = new Dictionary<string, double> { ["brand.terms"] = 90, ["claims"] = 100 },
        }, Baseline(), Gate).ShouldBeEmpty();

    [Fact]
    public void APassRateDropBeyondTwoPointsIsARegressionWithBothValues()
    {
        var r = EvaluationComparer.Compare(Baseline() with { GuardrailPassRate = 80 }, Baseline(), Gate).ShouldHaveSingleItem();
        r.Message.ShouldBe("guardrail pass rate 92% → 80% (allowed drop 2 points)");
    }

    [Fact]
    public void EachWorseMetricIsReported()
    {
        var candidate = Baseline() with
        {
            Blockers = 2, LengthCompliance = 94.4, DistinctBigramRatio = 0.5, TrigramOverlap = 0.3, Failures = 1,
            CategoryMeans = new Dictionary<string, double> { ["brand.terms"] = 80 },
        };
        var metrics = EvaluationComparer.Compare(candidate, Baseline(), Gate).Select(r => r.Metric).ToList();
        metrics.ShouldBe(["blockers", "category brand.terms", "category claims", "length compliance", "diversity", "diversity", "failures"]);
    }

    [Fact]
    public void LengthComplianceOnlyMattersWhenTheBaselineWasFullyCompliant() =>
        EvaluationComparer.Compare(Baseline() with { LengthCompliance = 80 }, Baseline() with { LengthCompliance = 90 }, Gate).ShouldBeEmpty();

    [Fact]
    public void ThresholdsComeFromTheOptions() =>
        EvaluationComparer.Compare(Baseline() with { GuardrailPassRate = 80, Blockers = 4 }, Baseline(),
            new TemplateGateOptions { MaxPassRateDropPoints = 15, MaxBlockerIncrease = 3 }).ShouldBeEmpty();
}
