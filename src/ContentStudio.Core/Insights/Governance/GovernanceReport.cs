using System.Globalization;
using System.Text;

namespace ContentStudio.Core.Insights.Governance;

/// <summary>What governance cost over a period (and a brand, or every brand): how many variants were generated and
/// where the checks sent them, where they are in review, the review decisions taken (overrides among them), and how
/// long review took (generated → first decision, nearest-rank median and 90th percentile).</summary>
public sealed record GovernanceReport(
    string? Brand, DateTime FromUtc, DateTime ToUtc, int VariantsGenerated,
    IReadOnlyDictionary<string, int> Gates, IReadOnlyDictionary<string, int> ReviewStates, IReadOnlyDictionary<string, int> Decisions,
    int Overrides, int DecidedVariants, double? CycleMedianHours, double? CycleP90Hours)
{
    /// <summary>One metric a line (metric,key,value): a spreadsheet pivots it without knowing the report's shape.</summary>
    public string ToCsv()
    {
        var c = CultureInfo.InvariantCulture;
        var csv = new StringBuilder("metric,key,value\n");
        void Line(string metric, string key, object? value) =>
            csv.Append(metric).Append(',').Append(Quote(key)).Append(',').Append(Convert.ToString(value, c)).Append('\n');
        Line("brand", "", Quote(Brand ?? "(all)"));
        Line("from_utc", "", FromUtc.ToString("yyyy-MM-dd", c));
        Line("to_utc", "", ToUtc.ToString("yyyy-MM-dd", c));
        Line("variants_generated", "", VariantsGenerated);
        foreach (var (gate, n) in Gates) Line("gate", gate, n);
        foreach (var (state, n) in ReviewStates) Line("review_state", state, n);
        foreach (var (action, n) in Decisions) Line("decision", action, n);
        Line("overrides", "", Overrides);
        Line("decided_variants", "", DecidedVariants);
        Line("review_cycle_median_hours", "", CycleMedianHours?.ToString("0.##", c));
        Line("review_cycle_p90_hours", "", CycleP90Hours?.ToString("0.##", c));
        return csv.ToString();
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
