using MathNet.Numerics.Distributions;

namespace ContentStudio.Core.Insights.Statistics;

/// <summary>How many trials (impressions or sends) each arm needs to detect a relative lift with a given power.</summary>
public static class SampleSize
{
    /// <summary>Per-arm trials for a two-sided test at level <paramref name="alpha"/> to detect the rate moving from
    /// <paramref name="baseline"/> to baseline·(1 + <paramref name="relativeEffect"/>) with probability
    /// <paramref name="power"/>: the normal-approximation formula for two proportions (Fleiss, Levin &amp; Paik 2003,
    /// eq. 4.14) with their continuity correction (eq. 4.15), which makes the plan slightly conservative so the pooled
    /// z-test reaches the stated power. Null when the effect is impossible (rate above 1) or the baseline is 0 or 1.</summary>
    public static long? PerArm(double baseline, double relativeEffect, double alpha, double power)
    {
        if (Uncorrected(baseline, relativeEffect, alpha, power) is not { } n) return null;
        var delta = Math.Abs(baseline * relativeEffect);
        var corrected = n / 4 * Math.Pow(1 + Math.Sqrt(1 + 4 / (n * delta)), 2);
        return (long)Math.Ceiling(corrected);
    }

    /// <summary>The formula before the continuity correction (eq. 4.14), as a real number.</summary>
    internal static double? Uncorrected(double baseline, double relativeEffect, double alpha, double power)
    {
        if (baseline <= 0 || baseline >= 1 || relativeEffect == 0) return null;
        var p1 = baseline;
        var p2 = baseline * (1 + relativeEffect);
        if (p2 <= 0 || p2 >= 1) return null;
        var zAlpha = Normal.InvCDF(0, 1, 1 - alpha / 2);
        var zBeta = Normal.InvCDF(0, 1, power);
        var mean = (p1 + p2) / 2;
        var delta = Math.Abs(p2 - p1);
        var root = zAlpha * Math.Sqrt(2 * mean * (1 - mean)) + zBeta * Math.Sqrt(p1 * (1 - p1) + p2 * (1 - p2));
        return root * root / (delta * delta);
    }
}
