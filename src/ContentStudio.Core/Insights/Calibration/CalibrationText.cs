using System.Globalization;
using System.Text;

namespace ContentStudio.Core.Insights.Calibration;

/// <summary>The calibration as text (the CLI) and as metric lines (CSV export): the same figures the Insights page shows.</summary>
public static class CalibrationText
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static string Pct(double? value) => value is { } v ? (v * 100).ToString("0.#", C) + "%" : "—";

    /// <summary>"0% [0%, 39%]", or "—" below the minimum sample.</summary>
    public static string Precision(RuleCalibration r) =>
        r.Precision is null ? "—" : $"{Pct(r.Precision)} [{Pct(r.Interval!.Lower)}, {Pct(r.Interval.Upper)}]";

    public static string Missed(MissedCalibration m) =>
        m.NegativeVerdicts == 0 ? "no rejections or change requests"
        : m.Rate is null ? string.Create(C, $"{m.Misses} of {m.NegativeVerdicts} rejections and change requests had no warning or blocker (too few for a rate)")
        : string.Create(C, $"{m.Misses} of {m.NegativeVerdicts} rejections and change requests had no warning or blocker: {Pct(m.Rate)} [{Pct(m.Interval!.Lower)}, {Pct(m.Interval.Upper)}]");

    public static string Text(CalibrationReport r)
    {
        var text = new StringBuilder();
        text.Append(C, $"Checks calibrated by reviewers ({r.VariantsDecided} variants with a verdict on the content their report describes");
        if (r.VariantsNotComparable > 0) text.Append(C, $"; {r.VariantsNotComparable} left out, decided only on content changed since");
        text.Append(C, $"; a figure from {r.MinimumDecisions} decided variants, {r.Confidence:P0} Wilson intervals)\n");
        if (r.Rules.Count == 0) text.Append("  no decided variant had a warning or blocker\n");
        foreach (var rule in r.Rules)
            text.Append(C, $"  {rule.Key} ({rule.Severity.ToString().ToLowerInvariant()}): upheld {rule.Upheld}, overruled {rule.Overruled}")
                .Append(rule.Overrides > 0 ? string.Create(C, $" ({rule.Overrides} overrides)") : "")
                .Append(C, $", precision {Precision(rule)}. {rule.Recommendation}\n");
        foreach (var category in r.Categories)
            text.Append(C, $"  category {category.Key}: upheld {category.Upheld}, overruled {category.Overruled}, precision {Precision(category)}\n");
        text.Append("  possible misses: ").Append(Missed(r.Missed)).Append('\n');
        return text.ToString();
    }

    public static MetricCsv WriteCsv(CalibrationReport r, MetricCsv csv)
    {
        csv.Line("calibration_variants_decided", "", r.VariantsDecided);
        csv.Line("calibration_variants_not_comparable", "", r.VariantsNotComparable);
        foreach (var (prefix, rows) in new[] { ("rule", r.Rules), ("category", r.Categories) })
            foreach (var row in rows)
            {
                csv.Line($"{prefix}_upheld", row.Key, row.Upheld);
                csv.Line($"{prefix}_overruled", row.Key, row.Overruled);
                csv.Line($"{prefix}_overrides", row.Key, row.Overrides);
                csv.Line($"{prefix}_precision", row.Key, row.Precision);
                csv.Line($"{prefix}_precision_lower", row.Key, row.Interval?.Lower);
                csv.Line($"{prefix}_precision_upper", row.Key, row.Interval?.Upper);
                csv.Line($"{prefix}_advice", row.Key, row.Advice);
            }
        csv.Line("possible_misses", "", r.Missed.Misses);
        csv.Line("negative_verdicts", "", r.Missed.NegativeVerdicts);
        csv.Line("miss_rate", "", r.Missed.Rate);
        return csv;
    }
}
