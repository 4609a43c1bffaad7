using ContentStudio.Core.Checks;
using ContentStudio.Core.Insights.Statistics;

namespace ContentStudio.Core.Insights.Calibration;

/// <summary>What a brand manager is advised to do with a rule (or category), from how reviewers treated its findings.</summary>
public enum CalibrationAdvice
{
    /// <summary>Fewer decided findings than the minimum sample: no figure is shown.</summary>
    TooFewDecisions,
    /// <summary>The interval reaches both sides: keep the rule and keep collecting.</summary>
    KeepWatching,
    /// <summary>Reviewers agree with its findings (the interval's lower bound is at or above the trust level).</summary>
    Keep,
    /// <summary>A warning rule reviewers approve past most of the time: review its patterns or add an exception to the guide.</summary>
    ReviewRule,
    /// <summary>A blocker reviewers override most of the time: lower it to a warning (or review the rule).</summary>
    LowerSeverity,
}

/// <summary>Evidence about one rule or category: variants whose final verdict was taken on content with its findings.
/// <see cref="Upheld"/> = rejected or sent back for changes (the verdict agrees that something was wrong); <see cref="Overruled"/>
/// = approved (or override-approved) despite the findings. Precision = upheld / (upheld + overruled), shown only from the
/// minimum sample on.</summary>
public sealed record RuleCalibration(
    string Key, string Label, Severity Severity, int Upheld, int Overruled, int Overrides, double? Precision, Interval? Interval,
    CalibrationAdvice Advice, string Recommendation, IReadOnlyList<CalibrationExample> Examples)
{
    public int Decided => Upheld + Overruled;
    public double OverruleRate => Decided == 0 ? 0 : (double)Overruled / Decided;
}

/// <summary>One overruled finding (or one possible miss), so a person can judge the figure by its cases.</summary>
public sealed record CalibrationExample(Guid VariantId, string Action, string Text, string? Comment);

/// <summary>Rejections and change requests on copy the checks passed (no warning or blocker): what the checks may miss.</summary>
public sealed record MissedCalibration(int Misses, int NegativeVerdicts, double? Rate, Interval? Interval, IReadOnlyList<CalibrationExample> Examples);

/// <summary>Calibration of the checks by reviewers over a period (decisions taken in it) and a brand (or every brand).
/// <see cref="VariantsDecided"/> counts the variants whose final verdict is on the content the stored report describes;
/// <see cref="VariantsNotComparable"/> those decided only on content changed since (their report at decision time is not
/// kept, so they are left out rather than guessed).</summary>
public sealed record CalibrationReport(
    string? Brand, DateTime FromUtc, DateTime ToUtc, CalibrationSettings Settings, int VariantsDecided, int VariantsNotComparable,
    IReadOnlyList<RuleCalibration> Rules, IReadOnlyList<RuleCalibration> Categories, MissedCalibration Missed)
{
    public int MinimumDecisions => Settings.MinimumDecisions;
    public double Confidence => Settings.Confidence;
}
