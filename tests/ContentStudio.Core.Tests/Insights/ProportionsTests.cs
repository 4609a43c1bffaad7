using ContentStudio.Core.Insights.Statistics;

namespace ContentStudio.Core.Tests.Insights;

/// <summary>The interval formulas against the values Newcombe published (Statistics in Medicine 17, 1998): single
/// proportions in "Two-sided confidence intervals for the single proportion" (Table I, method 3, Wilson score), and
/// differences in "Interval estimation for the difference between independent proportions" (Table II, method 10).</summary>
public sealed class ProportionsTests
{
    [Theory]
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0000, 0.1611)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    public void WilsonIntervalMatchesNewcombesPublishedValues(long x, long n, double lower, double upper)
    {
        var interval = Proportions.Wilson(x, n);

        interval.Lower.ShouldBe(lower, 0.00005);
        interval.Upper.ShouldBe(upper, 0.00005);
    }

    [Theory]
    [InlineData(56, 70, 48, 80, 0.0524, 0.3339)]
    [InlineData(9, 10, 3, 10, 0.1705, 0.8090)]
    [InlineData(5, 56, 0, 29, -0.0381, 0.1926)]
    [InlineData(0, 10, 0, 20, -0.1611, 0.2775)]
    public void DifferenceIntervalMatchesNewcombesHybridScoreValues(long x1, long n1, long x2, long n2, double lower, double upper)
    {
        var interval = Proportions.NewcombeDifference(x1, n1, x2, n2);

        interval.Lower.ShouldBe(lower, 0.00005);
        interval.Upper.ShouldBe(upper, 0.00005);
    }

    [Fact]
    public void ZForNinetyFivePercentIsTheNormalQuantile() => Proportions.Z(0.95).ShouldBe(1.959964, 0.000001);

    [Fact]
    public void PooledZTestMatchesPearsonChiSquareWithoutCorrection()
    {
        // 56/70 vs 48/80 as a 2×2 table: expected 48.53 / 21.47 and 55.47 / 24.53, every (O − E)² = 55.76, so
        // chi-square = 55.76·(1/48.53 + 1/21.47 + 1/55.47 + 1/24.53) = 7.023 on 1 df, p = 0.00805.
        Proportions.TwoSidedPValue(56, 70, 48, 80).ShouldBe(0.00805, 0.00005);
    }

    [Fact]
    public void HolmMultipliesBySortedRankAndKeepsTheOrderMonotone()
    {
        // Holm (1979): p = 0.01, 0.04, 0.03 (m = 3) → sorted 0.01·3 = 0.03, 0.03·2 = 0.06, max(0.06, 0.04·1) = 0.06.
        Proportions.Holm([0.01, 0.04, 0.03]).ShouldBe([0.03, 0.06, 0.06], tolerance: 1e-12);
        Proportions.Holm([0.5, 0.6]).ShouldBe([1.0, 1.0], tolerance: 1e-12);
    }

    [Fact]
    public void RelativeLiftIntervalCoversTheTrueLiftAboutNinetyFivePercentOfTheTime()
    {
        // Coverage by simulation: true rates 6 % and 5 % (lift +20 %), 5,000 trials each, 2,000 replications.
        var random = new MathNet.Numerics.Random.Xoshiro256StarStar(7, threadSafe: false);
        var covered = 0;
        const int replications = 2000;
        for (var r = 0; r < replications; r++)
        {
            var x1 = MathNet.Numerics.Distributions.Binomial.Sample(random, 0.06, 5000);
            var x2 = MathNet.Numerics.Distributions.Binomial.Sample(random, 0.05, 5000);
            if (Proportions.RelativeLift(x1, 5000, x2, 5000)!.Contains(0.2)) covered++;
        }
        // Binomial noise of 2,000 replications is ±1 point (2 SE); the log method's coverage is close to nominal here.
        ((double)covered / replications).ShouldBeInRange(0.935, 0.965);
    }

    [Fact]
    public void RelativeLiftHasNoIntervalWhenAnArmHasNoSuccesses() => Proportions.RelativeLift(0, 100, 5, 100).ShouldBeNull();

    [Fact]
    public void CountsOutsideTheTrialsAreRefused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => Proportions.Wilson(11, 10)).Message.ShouldContain("between 0 and the 10 trials");
}
