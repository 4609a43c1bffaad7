using System.ComponentModel.DataAnnotations;
using ContentStudio.Core.Prompts;

namespace ContentStudio.Core.TemplateStudio;

/// <summary>Section "TemplateGate": how an evaluated candidate template may differ from the released one before
/// the release gate calls it a regression, and how evaluations run.</summary>
public sealed class TemplateGateOptions
{
    public const string Section = "TemplateGate";

    /// <summary>Most the guardrail pass rate (share of variants not blocked) may drop, in percentage points.</summary>
    [Range(0, 100)] public double MaxPassRateDropPoints { get; set; } = 2;

    /// <summary>How many more blocker findings than the baseline are allowed.</summary>
    [Range(0, 10_000)] public int MaxBlockerIncrease { get; set; }

    /// <summary>Most the mean score (0–100) of any check category may drop.</summary>
    [Range(0, 100)] public double MaxCategoryMeanDrop { get; set; } = 5;

    /// <summary>Most the diversity measures may worsen (distinct-bigram ratio down, trigram overlap up; both 0–1).</summary>
    [Range(0, 1)] public double MaxDiversityDrop { get; set; } = 0.05;

    /// <summary>How many more variants needing attention (unusable replies) than the baseline are allowed.</summary>
    [Range(0, 10_000)] public int MaxFailureIncrease { get; set; }

    /// <summary>When the baseline kept every field within its channel limit, the candidate must too.</summary>
    public bool RequireFullLengthCompliance { get; set; } = true;

    /// <summary>Shortest written justification accepted for releasing past the gate.</summary>
    [Range(1, 1000)] public int MinJustificationLength { get; set; } = 20;

    /// <summary>Variants written per evaluation case (for each of candidate and baseline).</summary>
    [Range(1, 20)] public int VariantsPerCase { get; set; } = 3;
}
