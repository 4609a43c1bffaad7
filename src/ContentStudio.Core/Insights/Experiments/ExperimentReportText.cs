using System.Globalization;
using System.Text;
using System.Text.Json;
using ContentStudio.Core.Insights.Statistics;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Insights.Experiments;

/// <summary>A campaign's experiments as text (a table per experiment) or JSON (the studio's one shape): what the
/// CLI prints and the Insights page shows, from the same report.</summary>
public static class ExperimentReportText
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static string Json(CampaignExperiments report) =>
        JsonSerializer.Serialize(report, new JsonSerializerOptions(StudioJson.Options) { WriteIndented = true });

    public static string Text(CampaignExperiments report)
    {
        var s = report.Settings;
        var text = new StringBuilder();
        text.Append(C, $"Campaign {report.CampaignName} ({report.CampaignId})\n");
        text.Append(C, $"Rate: {MetricName(report.Metric)} per impression (send); {s.Confidence:P0} intervals (Wilson for rates, log ratio for lift); ")
            .Append(C, $"comparisons with the control {ExperimentOutcome.Correction}-corrected at alpha {s.Alpha:0.###}; ")
            .Append(C, $"no decision before {s.MinimumEventsPerArm} {MetricName(report.Metric)} per arm; ")
            .Append(C, $"planned to detect a {s.MinimumDetectableEffect:P0} relative lift with {s.Power:P0} power.\n");
        if (report.Experiments.Count == 0) text.Append("\nNo published variants yet: nothing to compare.\n");
        foreach (var e in report.Experiments)
        {
            text.Append(C, $"\n{e.SegmentKey} × {e.Channel}: control {e.Arms.First(a => a.Stats.IsControl).Label.Replace(" (control)", "")}")
                .Append(e.ControlDesignated ? " (designated)\n" : " (not designated: the lowest variant index)\n");
            text.Append(C, $"  {"arm",-14} {"trials",10} {MetricName(report.Metric),9} {"rate",7}  {"interval",-17}  {"lift",8}  {"lift interval",-19}  {"p (Holm)",8}  {"P(best)",7}\n");
            foreach (var arm in e.Arms)
            {
                var r = arm.Stats;
                text.Append(C, $"  {arm.Label,-14} {r.Trials,10:N0} {r.Successes,9:N0} {Pct(r.Rate),7}  {Range(r.RateInterval),-17}  ")
                    .Append(C, $"{(r.Lift is { } l ? Signed(l) : "—"),8}  {(r.LiftInterval is { } li ? SignedRange(li) : "—"),-19}  ")
                    .Append(C, $"{(r.AdjustedPValue is { } p ? p.ToString("0.0000", C) : "—"),8}  {Pct(r.ProbabilityBest),7}\n");
            }
            text.Append("  decision: ").Append(Decision(e)).Append('\n');
        }
        return text.ToString();
    }

    public static string Decision(ExperimentReport e) => e.Decision switch
    {
        ExperimentDecision.Winner => $"WINNER {e.Arms.First(a => a.VariantId == e.WinnerVariantId).Label}: {e.Reason}",
        ExperimentDecision.NoDifference => $"NO DIFFERENCE: {e.Reason}",
        _ => $"KEEP TESTING: {e.Reason}" + (e.ExtraTrialsNeeded > 0 ? string.Create(C, $" (about {e.ExtraTrialsNeeded:N0} more trials in all)") : ""),
    };

    public static string MetricName(ExperimentMetric metric) => metric == ExperimentMetric.Clicks ? "clicks" : "conversions";
    public static string Pct(double v) => (v * 100).ToString("0.00", C) + "%";
    public static string Signed(double v) => (v >= 0 ? "+" : "") + (v * 100).ToString("0.0", C) + "%";
    private static string Range(Interval i) => $"[{Pct(i.Lower)}, {Pct(i.Upper)}]";
    private static string SignedRange(Interval i) => $"[{Signed(i.Lower)}, {Signed(i.Upper)}]";
}
