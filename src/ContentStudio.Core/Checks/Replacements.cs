namespace ContentStudio.Core.Checks;

/// <summary>Which suggestions are literal replacement text (one click can put them in place of the finding's
/// span) and which are advice for a person ("a concrete benefit", "remove the claim or …").</summary>
public static class Replacements
{
    // Rules whose Suggestion is the text to write instead (inclusive terms list alternatives with " / ").
    private static readonly string[] LiteralRules =
        ["inclusive.", "brand.terms.deprecated", "brand.product-name", "brand.voice.all-caps", "brand.voice.exclamation"];

    /// <summary>The replacement texts a person can apply for this finding; empty when it has none.</summary>
    public static IReadOnlyList<string> For(Finding finding)
    {
        if (finding.Length == 0 || string.IsNullOrWhiteSpace(finding.Suggestion)) return [];
        if (!LiteralRules.Any(r => finding.RuleId.StartsWith(r, StringComparison.Ordinal))) return [];
        return finding.Suggestion.Split(" / ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>The field text with the finding's span replaced by <paramref name="replacement"/>.</summary>
    public static string Apply(string text, Finding finding, string replacement) =>
        text[..finding.Start] + replacement + text[(finding.Start + finding.Length)..];
}
