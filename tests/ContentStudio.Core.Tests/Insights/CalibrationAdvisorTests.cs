using ContentStudio.Core.Checks;
using ContentStudio.Core.Insights.Calibration;

namespace ContentStudio.Core.Tests.Insights;

/// <summary>The advice reads the Wilson interval of upheld / decided, not the point estimate.</summary>
public sealed class CalibrationAdvisorTests
{
    static readonly CalibrationSettings Settings = new(MinimumDecisions: 5);

    [Fact]
    public void APrecisionOfOneInFiveIsNotEnoughToCondemnARule()
    {
        // Wilson 1/5: centre 0.58415, half 0.52010, denominator 1.76830 → [0.0362, 0.6245]: the upper bound is above 0.5.
        var (precision, interval, advice, text) = CalibrationAdvisor.Advise(1, 4, Severity.Warning, Settings);

        precision.ShouldBe(0.2);
        interval!.Lower.ShouldBe(0.0362, 0.0005);
        interval.Upper.ShouldBe(0.6245, 0.0005);
        advice.ShouldBe(CalibrationAdvice.KeepWatching);
        text.ShouldContain("4 of 5");
    }

    [Fact]
    public void BelowTheMinimumSampleThereIsNoFigure()
    {
        var (precision, interval, advice, text) = CalibrationAdvisor.Advise(0, 4, Severity.Blocker, Settings);

        (precision, interval, advice).ShouldBe(((double?)null, null, CalibrationAdvice.TooFewDecisions));
        text.ShouldContain("1 more decided variants");
    }

    [Theory]
    [InlineData(Severity.Blocker, CalibrationAdvice.LowerSeverity)]
    [InlineData(Severity.Warning, CalibrationAdvice.ReviewRule)]
    public void ARuleOverruledBeyondChanceIsProposedForChangeByItsSeverity(Severity severity, CalibrationAdvice expected)
    {
        // 1 of 12 upheld: Wilson upper bound 0.354 < 0.5.
        var (_, interval, advice, _) = CalibrationAdvisor.Advise(1, 11, severity, Settings);

        interval!.Upper.ShouldBeLessThan(0.5);
        advice.ShouldBe(expected);
    }
}
