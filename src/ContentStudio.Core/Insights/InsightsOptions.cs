using System.ComponentModel.DataAnnotations;
using ContentStudio.Core.Insights.Statistics;

namespace ContentStudio.Core.Insights;

/// <summary>What an experiment's rate counts: clicks or conversions, each out of impressions (sends).</summary>
public enum ExperimentMetric { Clicks, Conversions }

/// <summary>Section "Insights": how experiments are judged (docs/insights-maths.md explains each number).</summary>
public sealed class InsightsOptions
{
    public const string Section = "Insights";

    /// <summary>The success an experiment's rate counts, out of impressions (sends).</summary>
    public ExperimentMetric Metric { get; set; } = ExperimentMetric.Clicks;

    /// <summary>No decision (winner, no difference) before every arm has this many successes: below it the normal
    /// approximations behind the tests are poor and early flukes are common.</summary>
    [Range(1, 1_000_000)] public long MinimumEventsPerArm { get; set; } = 100;

    /// <summary>The smallest relative lift worth detecting (0.10 = 10 % over the control's rate): sets the planned sample.</summary>
    [Range(0.001, 10)] public double MinimumDetectableEffect { get; set; } = 0.10;

    /// <summary>The chance of finding a true lift of the minimum effect at the planned sample.</summary>
    [Range(0.5, 0.999)] public double Power { get; set; } = 0.80;

    /// <summary>Family-wise false-winner rate over an experiment's comparisons with its control (Holm-corrected).</summary>
    [Range(0.001, 0.2)] public double Alpha { get; set; } = 0.05;

    /// <summary>Level of the intervals shown for rates and lifts.</summary>
    [Range(0.5, 0.999)] public double Confidence { get; set; } = 0.95;

    /// <summary>Monte Carlo draws for the probability of being best (standard error at most 0.5/√draws).</summary>
    [Range(10_000, 2_000_000)] public int MonteCarloDraws { get; set; } = ProbabilityBest.DefaultDraws;

    /// <summary>No precision is shown for a rule (or a category, or the miss rate) before this many decided variants.</summary>
    [Range(1, 100_000)] public int CalibrationMinimumDecisions { get; set; } = 20;

    /// <summary>A rule is listed for review when even the upper bound of its precision interval is below this.</summary>
    [Range(0.01, 0.99)] public double CalibrationReviewBelow { get; set; } = 0.5;

    /// <summary>A rule is called trusted when the lower bound of its precision interval reaches this.</summary>
    [Range(0.01, 0.99)] public double CalibrationTrustFrom { get; set; } = 0.8;

    /// <summary>A phrase change people make in at least this many variants is proposed for the brand guide or the template.</summary>
    [Range(1, 100_000)] public int EditsMinimumVariants { get; set; } = 3;

    public Calibration.CalibrationSettings ToCalibrationSettings() => new(CalibrationMinimumDecisions, CalibrationReviewBelow, CalibrationTrustFrom, Confidence);

    public ExperimentSettings ToSettings() => new()
    {
        Alpha = Alpha, Confidence = Confidence, MinimumEventsPerArm = MinimumEventsPerArm, MinimumDetectableEffect = MinimumDetectableEffect,
        Power = Power, Draws = MonteCarloDraws,
    };
}
