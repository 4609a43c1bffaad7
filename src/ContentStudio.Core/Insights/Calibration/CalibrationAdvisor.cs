using System.Globalization;
using ContentStudio.Core.Checks;
using ContentStudio.Core.Insights.Statistics;

namespace ContentStudio.Core.Insights.Calibration;

/// <summary>The thresholds a rule's evidence is judged by (section "Insights", keys Calibration…).</summary>
public sealed record CalibrationSettings(int MinimumDecisions = 20, double ReviewBelow = 0.5, double TrustFrom = 0.8, double Confidence = 0.95);

/// <summary>Turns a rule's upheld and overruled counts into a precision with a Wilson interval and advice. The advice reads
/// the interval, not the point estimate: a rule is reported for review only when even the interval's upper bound is
/// below <see cref="CalibrationSettings.ReviewBelow"/> (reviewers overrule it more often than not, beyond chance), and
/// called trusted only when its lower bound reaches <see cref="CalibrationSettings.TrustFrom"/>.</summary>
public static class CalibrationAdvisor
{
    public static (double? Precision, Interval? Interval, CalibrationAdvice Advice, string Recommendation) Advise(
        int upheld, int overruled, Severity severity, CalibrationSettings settings)
    {
        var c = CultureInfo.InvariantCulture;
        var n = upheld + overruled;
        if (n < settings.MinimumDecisions)
            return (null, null, CalibrationAdvice.TooFewDecisions,
                string.Create(c, $"{settings.MinimumDecisions - n} more decided variants before a figure is shown ({n} of {settings.MinimumDecisions})."));
        var precision = (double)upheld / n;
        var interval = Proportions.Wilson(upheld, n, settings.Confidence);
        var share = string.Create(c, $"{overruled} of {n}");
        if (interval.Upper < settings.ReviewBelow)
            return severity == Severity.Blocker
                ? (precision, interval, CalibrationAdvice.LowerSeverity,
                    $"Reviewers override this blocker in {share} decisions: lower it to a warning in the brand guide, or narrow what it matches.")
                : (precision, interval, CalibrationAdvice.ReviewRule,
                    $"Reviewers approve copy past {share} of its findings: review what it matches, or add an exception in the brand guide.");
        if (interval.Lower >= settings.TrustFrom)
            return (precision, interval, CalibrationAdvice.Keep, $"Reviewers agree with it: overruled in {share} decisions.");
        return (precision, interval, CalibrationAdvice.KeepWatching,
            $"Overruled in {share} decisions; the interval does not settle it yet: keep the rule and keep collecting.");
    }
}
