using ContentStudio.Core.Llm;

namespace ContentStudio.Core.Checks.Safety;

/// <summary>Turns what the provider's own safety system flagged (Azure OpenAI's content filter) into findings on the
/// variant, so a governance team sees it beside the studio's own checks. Severity: anything the provider filtered, or
/// rated high, blocks; medium, or a detection (jailbreak, protected material, profanity), needs a person; low is
/// advice. A finding covers the whole item (the provider does not say where).</summary>
public static class ProviderSafetyFindings
{
    public const string RulePrefix = "provider.content-filter.";

    public static IReadOnlyList<Finding> From(IReadOnlyList<ProviderSafetyResult> results) =>
        [.. results.Select(r => new Finding(RulePrefix + r.Category, CheckCategories.ProviderSafety, SeverityOf(r), "", 0, 0, "",
            $"The provider's content filter rated the {(r.InPrompt ? "prompt" : "reply")} '{r.Category}' as {r.Severity}" +
            (r.Filtered ? " and filtered it" : "") + ": a person should read this item before it is approved."))];

    static Severity SeverityOf(ProviderSafetyResult r) =>
        r.Filtered || r.Severity == "high" ? Severity.Blocker
        : r.Severity is "medium" or "detected" ? Severity.Warning
        : Severity.Info;

    /// <summary>The item's report with the provider's findings added (and its category scored).</summary>
    public static CheckReport AddTo(CheckReport report, IReadOnlyList<ProviderSafetyResult> results) =>
        results.Count == 0 ? report
        : CheckReport.Create([.. report.Findings, .. From(results)], [.. report.CategoryScores.Keys, CheckCategories.ProviderSafety],
            report.RuleSetVersion, report.NotRun);
}
