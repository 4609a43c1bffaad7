using ContentStudio.Core.Insights.Statistics;
using MathNet.Numerics;

namespace ContentStudio.Core.Tests.Insights;

public sealed class ProbabilityBestTests
{
    /// <summary>Evan Miller's closed form for two Beta posteriors with integer parameters ("Formulas for Bayesian A/B
    /// testing", 2015): P(pB &gt; pA) = Σ_{i=0}^{αB−1} B(αA+i, βA+βB) / ((βB+i)·B(1+i, βB)·B(αA, βA)).</summary>
    static double ClosedForm(long xA, long nA, long xB, long nB)
    {
        double aA = 1 + xA, bA = 1 + nA - xA, aB = 1 + xB, bB = 1 + nB - xB, total = 0;
        for (var i = 0; i < aB; i++)
            total += Math.Exp(SpecialFunctions.BetaLn(aA + i, bA + bB) - Math.Log(bB + i) - SpecialFunctions.BetaLn(1 + i, bB)
                              - SpecialFunctions.BetaLn(aA, bA));
        return total;
    }

    [Theory]
    [InlineData(40, 400, 55, 400)]
    [InlineData(500, 10_000, 520, 10_000)]
    [InlineData(3, 20, 2, 25)]
    [InlineData(120, 2_000, 118, 1_900)]
    public void TwoArmsMatchTheClosedFormWithinHalfAPoint(long xA, long nA, long xB, long nB)
    {
        var p = ProbabilityBest.Estimate([(xA, nA), (xB, nB)]);

        p[1].ShouldBe(ClosedForm(xA, nA, xB, nB), 0.005);
        (p[0] + p[1]).ShouldBe(1, 1e-12);
    }

    [Fact]
    public void IdenticalArmsShareTheProbabilityEvenly()
    {
        var p = ProbabilityBest.Estimate([(100, 2000), (100, 2000), (100, 2000)]);

        p.ShouldAllBe(v => Math.Abs(v - 1.0 / 3) < 0.005);
    }

    [Fact]
    public void TheSameCountsGiveTheSameAnswerAndAnotherSeedStaysWithinHalfAPoint()
    {
        var arms = new List<(long, long)> { (210, 4000), (236, 4000), (199, 4000) };
        var first = ProbabilityBest.Estimate(arms);

        ProbabilityBest.Estimate(arms).ShouldBe(first);
        var other = ProbabilityBest.Estimate(arms, seed: 99);
        for (var i = 0; i < 3; i++) other[i].ShouldBe(first[i], 0.005);
    }
}
