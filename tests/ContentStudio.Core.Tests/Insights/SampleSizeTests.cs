using ContentStudio.Core.Insights.Statistics;

namespace ContentStudio.Core.Tests.Insights;

public sealed class SampleSizeTests
{
    [Fact]
    public void TenVersusFifteenPercentNeeds686PerArmBeforeTheContinuityCorrection()
    {
        // The textbook case (two-sided α = 0.05, power 0.80, 10 % → 15 %): 686 per group, as power calculators for two
        // independent proportions report it.
        Math.Ceiling(SampleSize.Uncorrected(0.10, 0.5, 0.05, 0.80)!.Value).ShouldBe(686);
        // Fleiss' continuity correction: n/4·(1 + √(1 + 4/(n·|Δ|)))² = 725.05 → 726.
        SampleSize.PerArm(0.10, 0.5, 0.05, 0.80).ShouldBe(726);
    }

    [Fact]
    public void SmallerEffectsAndStricterLevelsNeedMoreTrials()
    {
        var basic = SampleSize.PerArm(0.05, 0.2, 0.05, 0.8)!.Value;
        SampleSize.PerArm(0.05, 0.1, 0.05, 0.8)!.Value.ShouldBeGreaterThan(3 * basic);
        SampleSize.PerArm(0.05, 0.2, 0.025, 0.8)!.Value.ShouldBeGreaterThan(basic);
        SampleSize.PerArm(0.05, 0.2, 0.05, 0.9)!.Value.ShouldBeGreaterThan(basic);
    }

    [Theory]
    [InlineData(0.0, 0.2)]
    [InlineData(1.0, 0.2)]
    [InlineData(0.9, 0.2)] // 0.9 × 1.2 > 1
    [InlineData(0.1, 0.0)]
    public void ImpossiblePlansHaveNoSize(double baseline, double effect) => SampleSize.PerArm(baseline, effect, 0.05, 0.8).ShouldBeNull();
}
