using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;

namespace ContentStudio.Core.Insights.Statistics;

/// <summary>The posterior probability that each arm has the highest true rate, under independent Beta(1 + successes,
/// 1 + failures) posteriors (a uniform prior and a binomial likelihood). Estimated by Monte Carlo: each draw samples
/// every arm's rate and credits the highest. The generator is seeded, so the same counts always give the same answer;
/// with D draws the standard error of each probability is at most 0.5/√D (0.16 points at 100,000).</summary>
public static class ProbabilityBest
{
    public const int DefaultDraws = 100_000;
    public const int DefaultSeed = 20261207;

    public static double[] Estimate(IReadOnlyList<(long Successes, long Trials)> arms, int draws = DefaultDraws, int seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(draws, 1);
        var k = arms.Count;
        if (k == 0) return [];
        if (k == 1) return [1];
        var random = new Xoshiro256StarStar(seed, threadSafe: false);
        var posteriors = arms.Select(a => new Beta(1 + a.Successes, 1 + (a.Trials - a.Successes), random)).ToArray();
        var wins = new long[k];
        for (var d = 0; d < draws; d++)
        {
            var best = 0;
            var bestValue = double.NegativeInfinity;
            for (var i = 0; i < k; i++)
            {
                var value = posteriors[i].Sample();
                if (value > bestValue) { bestValue = value; best = i; }
            }
            wins[best]++;
        }
        return wins.Select(w => (double)w / draws).ToArray();
    }
}
