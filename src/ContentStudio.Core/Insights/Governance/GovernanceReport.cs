using System.Globalization;

namespace ContentStudio.Core.Insights.Governance;

/// <summary>What governance cost over a period (and a brand, or every brand): how many variants were generated and
/// where the checks sent them, where they are in review, the review decisions taken (overrides among them), and how
/// long review took (generated → first decision, nearest-rank median and 90th percentile).</summary>
public sealed record GovernanceReport(
    string? Brand, DateTime FromUtc, DateTime ToUtc, int VariantsGenerated,
    IReadOnlyDictionary<string, int> Gates, IReadOnlyDictionary<string, int> ReviewStates, IReadOnlyDictionary<string, int> Decisions,
    int Overrides, int DecidedVariants, double? CycleMedianHours, double? CycleP90Hours)
{
    /// <summary>One metric a line (metric,key,value): see <see cref="MetricCsv"/>.</summary>
    public string ToCsv() => WriteCsv(new MetricCsv()).ToString();

    public MetricCsv WriteCsv(MetricCsv csv)
    {
        var c = CultureInfo.InvariantCulture;
        csv.Line("brand", "", Brand ?? "(all)");
        csv.Line("from_utc", "", FromUtc.ToString("yyyy-MM-dd", c));
        csv.Line("to_utc", "", ToUtc.ToString("yyyy-MM-dd", c));
        csv.Line("variants_generated", "", VariantsGenerated);
        foreach (var (gate, n) in Gates) csv.Line("gate", gate, n);
        foreach (var (state, n) in ReviewStates) csv.Line("review_state", state, n);
        foreach (var (action, n) in Decisions) csv.Line("decision", action, n);
        csv.Line("overrides", "", Overrides);
        csv.Line("decided_variants", "", DecidedVariants);
        csv.Line("review_cycle_median_hours", "", CycleMedianHours?.ToString("0.##", c));
        csv.Line("review_cycle_p90_hours", "", CycleP90Hours?.ToString("0.##", c));
        return csv;
    }
}
