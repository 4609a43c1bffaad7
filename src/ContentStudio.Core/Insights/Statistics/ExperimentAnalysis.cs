namespace ContentStudio.Core.Insights.Statistics;

/// <summary>One arm's counts: trials (impressions or sends) and successes (clicks or conversions).</summary>
public sealed record ArmCounts(string Key, string Label, long Trials, long Successes, bool IsControl);

/// <summary>How experiments are judged (section "Insights", see <see cref="InsightsOptions"/>).</summary>
public sealed record ExperimentSettings
{
    public double Confidence { get; init; } = 0.95;
    /// <summary>Family-wise error rate of the comparisons with the control (Holm-corrected).</summary>
    public double Alpha { get; init; } = 0.05;
    /// <summary>No decision of any kind before every arm has this many successes (clicks or conversions).</summary>
    public long MinimumEventsPerArm { get; init; } = 100;
    /// <summary>The smallest relative lift worth finding (0.10 = 10 % over the control's rate); sets the planned sample.</summary>
    public double MinimumDetectableEffect { get; init; } = 0.10;
    public double Power { get; init; } = 0.80;
    public int Draws { get; init; } = ProbabilityBest.DefaultDraws;
    public int Seed { get; init; } = ProbabilityBest.DefaultSeed;
}

public enum ExperimentDecision { KeepTesting, Winner, NoDifference }

/// <summary>An arm's statistics. Lift, its interval, the difference interval and the p-values are relative to the
/// control and null on the control itself.</summary>
public sealed record ArmResult(
    string Key, string Label, bool IsControl, long Trials, long Successes, double Rate, Interval RateInterval,
    double? Lift, Interval? LiftInterval, Interval? DifferenceInterval, double? PValue, double? AdjustedPValue, bool Significant,
    double ProbabilityBest);

public sealed record ExperimentOutcome(
    IReadOnlyList<ArmResult> Arms, ExperimentDecision Decision, string? WinnerKey, string Reason,
    long? PlannedTrialsPerArm, long ExtraTrialsNeeded)
{
    /// <summary>The multiple-comparison correction used, named in every report.</summary>
    public const string Correction = "Holm";
}

/// <summary>Judges one experiment (a control and its challengers on one segment × channel): per-arm rate with a
/// Wilson interval, lift over the control with a log-ratio interval, Holm-corrected pooled z-tests against the
/// control, the posterior probability of being best, and the decision. The rules, in order:
/// 1. Every arm needs <see cref="ExperimentSettings.MinimumEventsPerArm"/> successes; until then: keep testing.
/// 2. A challenger whose Holm-adjusted p-value is below α and whose rate is above the control's wins (the highest such
///    rate); if every challenger is significantly below the control, the control wins.
/// 3. Otherwise, once every arm has the planned sample (what detects the minimum effect with the stated power at
///    α/(k−1)), there is no difference worth having; before that: keep testing, with the trials still needed.
/// The test is fixed-horizon: read the decision at the planned sample; stopping at the first significant look
/// inflates false winners (docs/insights-maths.md).</summary>
public static class ExperimentAnalysis
{
    public static ExperimentOutcome Analyse(IReadOnlyList<ArmCounts> arms, ExperimentSettings settings)
    {
        var controls = arms.Count(a => a.IsControl);
        if (controls != 1) throw new ArgumentException($"an experiment needs exactly one control arm (has {controls})", nameof(arms));
        var control = arms.Single(a => a.IsControl);
        var challengers = arms.Where(a => !a.IsControl).ToList();
        var raw = challengers.Select(a => Proportions.TwoSidedPValue(a.Successes, a.Trials, control.Successes, control.Trials)).ToArray();
        var adjusted = Proportions.Holm(raw);
        var best = ProbabilityBest.Estimate(arms.Select(a => (a.Successes, a.Trials)).ToList(), settings.Draws, settings.Seed);

        var results = new List<ArmResult>();
        for (var i = 0; i < arms.Count; i++)
        {
            var a = arms[i];
            var rate = a.Trials == 0 ? 0 : (double)a.Successes / a.Trials;
            var wilson = Proportions.Wilson(a.Successes, a.Trials, settings.Confidence);
            if (a.IsControl)
            {
                results.Add(new ArmResult(a.Key, a.Label, true, a.Trials, a.Successes, rate, wilson, null, null, null, null, null, false, best[i]));
                continue;
            }
            var c = challengers.IndexOf(a);
            var controlRate = control.Trials == 0 ? 0 : (double)control.Successes / control.Trials;
            double? lift = controlRate > 0 && a.Trials > 0 ? rate / controlRate - 1 : null;
            results.Add(new ArmResult(a.Key, a.Label, false, a.Trials, a.Successes, rate, wilson, lift,
                Proportions.RelativeLift(a.Successes, a.Trials, control.Successes, control.Trials, settings.Confidence),
                Proportions.NewcombeDifference(a.Successes, a.Trials, control.Successes, control.Trials, settings.Confidence),
                raw[c], adjusted[c], adjusted[c] < settings.Alpha, best[i]));
        }

        var planned = PlannedTrials(arms, control, challengers.Count, settings);
        long Shortfall() => planned is { } p ? arms.Sum(a => Math.Max(0, p - a.Trials)) : 0;

        if (challengers.Count == 0)
            return new(results, ExperimentDecision.KeepTesting, null, "only the control has been published: an experiment needs at least one other arm", planned, 0);

        var short_ = arms.Where(a => a.Successes < settings.MinimumEventsPerArm).ToList();
        if (short_.Count > 0)
        {
            var needed = short_.Sum(a => TrialsForEvents(a, arms, settings.MinimumEventsPerArm));
            return new(results, ExperimentDecision.KeepTesting, null,
                $"{string.Join(", ", short_.Select(a => a.Label))} {(short_.Count == 1 ? "has" : "have")} fewer than the " +
                $"{settings.MinimumEventsPerArm} events every arm needs before any decision", planned, Math.Max(needed, Shortfall()));
        }

        var winners = results.Where(r => r is { IsControl: false, Significant: true, Lift: > 0 }).OrderByDescending(r => r.Rate).ToList();
        if (winners.Count > 0)
            return new(results, ExperimentDecision.Winner, winners[0].Key,
                $"{winners[0].Label} beats the control (Holm-adjusted p = {winners[0].AdjustedPValue:0.####} < {settings.Alpha})", planned, 0);
        if (results.Where(r => !r.IsControl).All(r => r is { Significant: true, Lift: < 0 }))
            return new(results, ExperimentDecision.Winner, control.Key,
                $"every challenger is below the control (Holm-adjusted p < {settings.Alpha})", planned, 0);

        if (planned is null)
            return new(results, ExperimentDecision.KeepTesting, null,
                "no significant difference, and the planned sample cannot be computed from a control rate of 0 or 1", null, 0);
        var shortfall = Shortfall();
        if (shortfall == 0)
            return new(results, ExperimentDecision.NoDifference, null,
                $"no arm differs from the control at the planned {planned:N0} trials per arm, which detect a " +
                $"{settings.MinimumDetectableEffect:P0} relative lift with {settings.Power:P0} power", planned, 0);
        return new(results, ExperimentDecision.KeepTesting, null,
            $"no significant difference yet; {shortfall:N0} more trials are needed to reach the planned {planned:N0} per arm",
            planned, shortfall);
    }

    /// <summary>The planned per-arm sample: baseline is the control's observed rate (the pooled rate while the control
    /// has no events), α is split over the k − 1 comparisons (Bonferroni, which Holm never needs more than).</summary>
    private static long? PlannedTrials(IReadOnlyList<ArmCounts> arms, ArmCounts control, int comparisons, ExperimentSettings settings)
    {
        if (comparisons == 0) return null;
        var trials = arms.Sum(a => a.Trials);
        var baseline = control.Successes > 0 && control.Successes < control.Trials
            ? (double)control.Successes / control.Trials
            : trials == 0 ? 0 : (double)arms.Sum(a => a.Successes) / trials;
        return SampleSize.PerArm(baseline, settings.MinimumDetectableEffect, settings.Alpha / comparisons, settings.Power);
    }

    /// <summary>Trials an arm still needs to reach the minimum events at its own rate (the pooled rate while it has none).</summary>
    private static long TrialsForEvents(ArmCounts arm, IReadOnlyList<ArmCounts> all, long minimum)
    {
        var trials = all.Sum(a => a.Trials);
        var rate = arm.Successes > 0 ? (double)arm.Successes / arm.Trials : trials == 0 ? 0 : (double)all.Sum(a => a.Successes) / trials;
        if (rate <= 0) return 0; // unknown: nothing has happened anywhere yet
        return Math.Max(0, (long)Math.Ceiling((minimum - arm.Successes) / rate));
    }
}
