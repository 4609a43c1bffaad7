using MathNet.Numerics.Distributions;

namespace ContentStudio.Core.Insights.Statistics;

/// <summary>A two-sided interval [Lower, Upper].</summary>
public sealed record Interval(double Lower, double Upper)
{
    public bool Contains(double value) => value >= Lower && value <= Upper;
}

/// <summary>Binomial proportions: intervals, the difference and the ratio of two, and the test of equality
/// (docs/insights-maths.md gives every formula and its source). Normal quantiles come from MathNet.Numerics.</summary>
public static class Proportions
{
    /// <summary>z such that a two-sided interval of <paramref name="confidence"/> is estimate ± z·se (1.959964 for 95 %).</summary>
    public static double Z(double confidence) => Normal.InvCDF(0, 1, 1 - (1 - confidence) / 2);

    /// <summary>Wilson's score interval (Wilson 1927; Newcombe 1998 method 3): the set of p that a score test at the
    /// given level would not reject. Unlike the Wald interval it stays inside [0, 1] and keeps its coverage near 0
    /// and 1 and for small n.</summary>
    public static Interval Wilson(long successes, long trials, double confidence = 0.95)
    {
        Check(successes, trials);
        if (trials == 0) return new Interval(0, 1);
        var z = Z(confidence);
        double n = trials, p = successes / n, z2 = z * z;
        var centre = p + z2 / (2 * n);
        var half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        var denominator = 1 + z2 / n;
        // At 0 or n successes one bound is exactly 0 or 1; say so rather than a rounding hair away from it.
        var lower = successes == 0 ? 0 : (centre - half) / denominator;
        var upper = successes == trials ? 1 : (centre + half) / denominator;
        return new Interval(lower, upper);
    }

    /// <summary>Interval for the difference p1 − p2 of two independent proportions by Newcombe's hybrid score method
    /// (Newcombe 1998, "Interval estimation for the difference between independent proportions", method 10): built
    /// from the two Wilson intervals, so it inherits their good behaviour at small counts.</summary>
    public static Interval NewcombeDifference(long x1, long n1, long x2, long n2, double confidence = 0.95)
    {
        Check(x1, n1);
        Check(x2, n2);
        if (n1 == 0 || n2 == 0) return new Interval(-1, 1);
        double p1 = (double)x1 / n1, p2 = (double)x2 / n2, d = p1 - p2;
        var (l1, u1) = Wilson(x1, n1, confidence);
        var (l2, u2) = Wilson(x2, n2, confidence);
        var z = Z(confidence);
        var lower = d - z * Math.Sqrt(l1 * (1 - l1) / n1 + u2 * (1 - u2) / n2);
        var upper = d + z * Math.Sqrt(u1 * (1 - u1) / n1 + l2 * (1 - l2) / n2);
        return new Interval(lower, upper);
    }

    /// <summary>Interval for the relative lift p1/p2 − 1 by the log method for a ratio of proportions (Katz et al.
    /// 1978): ln(p1/p2) ± z·√((1−p1)/x1 + (1−p2)/x2), transformed back. Null when either arm has no successes (the
    /// ratio is then 0 or undefined and the log method has no interval).</summary>
    public static Interval? RelativeLift(long x1, long n1, long x2, long n2, double confidence = 0.95)
    {
        Check(x1, n1);
        Check(x2, n2);
        if (x1 == 0 || x2 == 0) return null;
        double p1 = (double)x1 / n1, p2 = (double)x2 / n2;
        var se = Math.Sqrt((1 - p1) / x1 + (1 - p2) / x2);
        var z = Z(confidence);
        var log = Math.Log(p1 / p2);
        return new Interval(Math.Exp(log - z * se) - 1, Math.Exp(log + z * se) - 1);
    }

    /// <summary>Two-sided p-value of the pooled two-proportion z-test of p1 = p2 (the score test; equal to Pearson's
    /// chi-square test without continuity correction). 1 when there is nothing to compare.</summary>
    public static double TwoSidedPValue(long x1, long n1, long x2, long n2)
    {
        Check(x1, n1);
        Check(x2, n2);
        if (n1 == 0 || n2 == 0) return 1;
        double p1 = (double)x1 / n1, p2 = (double)x2 / n2, pooled = (double)(x1 + x2) / (n1 + n2);
        var se = Math.Sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        if (se == 0) return 1; // both arms all-or-nothing at the same value
        var z = Math.Abs(p1 - p2) / se;
        return 2 * (1 - Normal.CDF(0, 1, z));
    }

    /// <summary>Holm's step-down adjustment (Holm 1979): sort the m p-values ascending, multiply the i-th smallest by
    /// (m − i + 1), carry the running maximum, cap at 1. Rejecting where the adjusted value is below α keeps the
    /// family-wise error rate at α under any dependence, and is never less powerful than Bonferroni.</summary>
    public static double[] Holm(IReadOnlyList<double> pValues)
    {
        var m = pValues.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ToArray();
        var adjusted = new double[m];
        var running = 0.0;
        for (var rank = 0; rank < m; rank++)
        {
            var i = order[rank];
            running = Math.Max(running, Math.Min(1, (m - rank) * pValues[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }

    private static void Check(long successes, long trials)
    {
        if (trials < 0) throw new ArgumentOutOfRangeException(nameof(trials), trials, "trials cannot be negative");
        if (successes < 0 || successes > trials)
            throw new ArgumentOutOfRangeException(nameof(successes), successes, $"successes must be between 0 and the {trials} trials");
    }
}
