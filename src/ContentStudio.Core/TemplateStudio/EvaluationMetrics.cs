using System.Text.Json;
using ContentStudio.Core.Checks;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Text;
using ContentStudio.Core.Kernel;
using ContentStudio.Core.Prompts;

namespace ContentStudio.Core.TemplateStudio;

/// <summary>What one version scored on an evaluation set. Rates are percentages (0–100); diversity values 0–1.</summary>
public sealed record EvaluationMetrics
{
    public int Cases { get; init; }
    public int Variants { get; init; }
    /// <summary>Share of all variants (unusable replies included) whose gate is not Blocked.</summary>
    public double GuardrailPassRate { get; init; }
    /// <summary>Blocker findings over all variants.</summary>
    public int Blockers { get; init; }
    public double MeanScore { get; init; }
    /// <summary>Mean score per check category over the usable variants.</summary>
    public IReadOnlyDictionary<string, double> CategoryMeans { get; init; } = new Dictionary<string, double>();
    /// <summary>Share of usable variants with every field within its channel limit.</summary>
    public double LengthCompliance { get; init; }
    /// <summary>Mean over cases of the distinct-bigram ratio of that case's variants (higher = more varied).</summary>
    public double DistinctBigramRatio { get; init; }
    /// <summary>Mean over cases of the mean pairwise trigram overlap (lower = more varied).</summary>
    public double TrigramOverlap { get; init; }
    /// <summary>Variants that came back NeedsAttention (no usable reply).</summary>
    public int Failures { get; init; }
}

/// <summary>One variant written during an evaluation.</summary>
public sealed record EvaluatedVariant(int VariantIndex, bool Usable, string? Gate, int? Score, int Blockers,
    IReadOnlyDictionary<string, int> CategoryScores, bool WithinLimits, IReadOnlyDictionary<string, string> Fields, string? Problem);

/// <summary>One case of the evaluation set and what a version wrote for it.</summary>
public sealed record EvaluatedCase(int Index, string Brand, string Segment, IReadOnlyList<EvaluatedVariant> Variants);

/// <summary>Stored in <see cref="PromptEvaluation.Metrics"/>.</summary>
public sealed record EvaluationResult(EvaluationMetrics Candidate, EvaluationMetrics? Baseline);

/// <summary>Stored in <see cref="PromptEvaluation.Cases"/>.</summary>
public sealed record EvaluationCases(IReadOnlyList<EvaluatedCase> Candidate, IReadOnlyList<EvaluatedCase> Baseline)
{
    /// <summary>True when both versions wrote exactly the same thing (every field of every variant, every problem) on
    /// every case: the evaluation then cannot tell them apart, so "no regression" would be an empty verdict.</summary>
    public bool SameOutput =>
        Baseline.Count == Candidate.Count && Candidate.Count > 0 &&
        Candidate.Zip(Baseline).All(p => p.First.Variants.Count == p.Second.Variants.Count &&
            p.First.Variants.Zip(p.Second.Variants).All(v => v.First.Problem == v.Second.Problem &&
                v.First.Fields.Count == v.Second.Fields.Count &&
                v.First.Fields.All(f => v.Second.Fields.TryGetValue(f.Key, out var other) && string.Equals(f.Value, other, StringComparison.Ordinal))));
}

public static class EvaluationMetricsCalculator
{
    /// <summary>One variant's record: its check report when usable, or its problem.</summary>
    public static EvaluatedVariant Variant(int index, ChannelSpec channel, IReadOnlyDictionary<string, string>? fields, CheckReport? report, string? problem)
    {
        if (fields is null || report is null)
            return new EvaluatedVariant(index, false, null, null, 0, new Dictionary<string, int>(), false, new Dictionary<string, string>(), problem);
        var within = channel.Fields.All(f => f.MaxLength is not { } max || (fields.GetValueOrDefault(f.Name) ?? "").Length <= max);
        return new EvaluatedVariant(index, true, report.Gate.ToString(), report.Score, report.Findings.Count(f => f.Severity == Severity.Blocker),
            report.CategoryScores, within, fields, null);
    }

    public static EvaluationMetrics Compute(IReadOnlyList<EvaluatedCase> cases)
    {
        var all = cases.SelectMany(c => c.Variants).ToList();
        var usable = all.Where(v => v.Usable).ToList();
        double Pct(int n, int of) => of == 0 ? 0 : Math.Round(100.0 * n / of, 2);
        var categories = usable.SelectMany(v => v.CategoryScores.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .ToDictionary(k => k, k => Math.Round(usable.Where(v => v.CategoryScores.ContainsKey(k)).Average(v => v.CategoryScores[k]), 2), StringComparer.Ordinal);
        var texts = cases.Select(c => c.Variants.Where(v => v.Usable).Select(v => string.Join("\n", v.Fields.Values)).ToList())
            .Where(t => t.Count > 0).ToList();
        return new EvaluationMetrics
        {
            Cases = cases.Count,
            Variants = all.Count,
            GuardrailPassRate = Pct(usable.Count(v => v.Gate != nameof(Gate.Blocked)), all.Count),
            Blockers = all.Sum(v => v.Blockers),
            MeanScore = usable.Count == 0 ? 0 : Math.Round(usable.Average(v => v.Score ?? 0), 2),
            CategoryMeans = categories,
            LengthCompliance = Pct(usable.Count(v => v.WithinLimits), usable.Count),
            DistinctBigramRatio = texts.Count == 0 ? 0 : Math.Round(texts.Average(t => Diversity.DistinctNgramRatio(t, 2)), 4),
            TrigramOverlap = texts.Count == 0 ? 0 : Math.Round(texts.Average(Diversity.MeanPairwiseTrigramOverlap), 4),
            Failures = all.Count(v => !v.Usable),
        };
    }
}
