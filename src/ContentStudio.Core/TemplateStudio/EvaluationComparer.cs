using System.Globalization;
using ContentStudio.Core.Prompts;

namespace ContentStudio.Core.TemplateStudio;

/// <summary>One way a candidate is worse than the baseline by more than the gate allows.</summary>
public sealed record Regression(string Metric, string Message);

/// <summary>Compares a candidate's metrics with the released version's, under <see cref="TemplateGateOptions"/>.</summary>
public static class EvaluationComparer
{
    public static IReadOnlyList<Regression> Compare(EvaluationMetrics candidate, EvaluationMetrics? baseline, TemplateGateOptions thresholds)
    {
        if (baseline is null) return [];
        var list = new List<Regression>();
        var drop = baseline.GuardrailPassRate - candidate.GuardrailPassRate;
        if (drop > thresholds.MaxPassRateDropPoints)
            list.Add(new("guardrail pass rate", $"guardrail pass rate {P(baseline.GuardrailPassRate)} → {P(candidate.GuardrailPassRate)} (allowed drop {N(thresholds.MaxPassRateDropPoints)} points)"));
        if (candidate.Blockers - baseline.Blockers > thresholds.MaxBlockerIncrease)
            list.Add(new("blockers", $"blocker findings {baseline.Blockers} → {candidate.Blockers} (allowed increase {thresholds.MaxBlockerIncrease})"));
        foreach (var (category, before) in baseline.CategoryMeans)
        {
            var after = candidate.CategoryMeans.TryGetValue(category, out var a) ? a : 0;
            if (before - after > thresholds.MaxCategoryMeanDrop)
                list.Add(new($"category {category}", $"mean {category} score {N(before)} → {N(after)} (allowed drop {N(thresholds.MaxCategoryMeanDrop)})"));
        }
        if (thresholds.RequireFullLengthCompliance && baseline.LengthCompliance >= 100 && candidate.LengthCompliance < 100)
            list.Add(new("length compliance", $"length compliance {P(baseline.LengthCompliance)} → {P(candidate.LengthCompliance)} (the released version kept every field within its limit)"));
        if (baseline.DistinctBigramRatio - candidate.DistinctBigramRatio > thresholds.MaxDiversityDrop)
            list.Add(new("diversity", $"distinct-bigram ratio {D(baseline.DistinctBigramRatio)} → {D(candidate.DistinctBigramRatio)} (allowed drop {D(thresholds.MaxDiversityDrop)})"));
        if (candidate.TrigramOverlap - baseline.TrigramOverlap > thresholds.MaxDiversityDrop)
            list.Add(new("diversity", $"trigram overlap between variants {D(baseline.TrigramOverlap)} → {D(candidate.TrigramOverlap)} (allowed rise {D(thresholds.MaxDiversityDrop)})"));
        if (candidate.Failures - baseline.Failures > thresholds.MaxFailureIncrease)
            list.Add(new("failures", $"variants needing attention {baseline.Failures} → {candidate.Failures} (allowed increase {thresholds.MaxFailureIncrease})"));
        return list;
    }

    private static string P(double v) => v.ToString("0.#", CultureInfo.InvariantCulture) + "%";
    private static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
    private static string D(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);
}
