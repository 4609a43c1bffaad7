using System.Text.RegularExpressions;
using ContentStudio.Core.Checks.BrandRules;
using ContentStudio.Core.Checks.Analysis;

namespace ContentStudio.Core.Checks.CrossVariant;

/// <summary>What the campaign checks compare: the variant's offers ("20%", "£5", "free delivery"), dates,
/// disclaimer phrases, reading grade and word 3-grams.</summary>
public sealed partial class VariantFeatures
{
    public required string Text { get; init; }
    public required IReadOnlySet<string> Offers { get; init; }
    public required IReadOnlySet<string> Dates { get; init; }
    public required IReadOnlySet<string> Disclaimers { get; init; }
    public required double Grade { get; init; }
    public required int Words { get; init; }
    public required IReadOnlySet<string> Shingles { get; init; }

    [GeneratedRegex(@"(?:[£$€]\s?\d+(?:[.,]\d{1,2})?|\d+(?:\.\d+)?\s?%|\bfree (?:shipping|delivery|returns|trial|gift|month|months|upgrade|installation|consultation)\b|\b(?:\d+|one|two|three|six|twelve) months? free\b|\b\d+ for \d+\b|\bbuy one,? get one\b|\bbogof\b|\bcode [A-Z0-9]{3,}\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Offer();

    [GeneratedRegex(@"\b(?:\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]* \d{1,2}(?:st|nd|rd|th)?|\d{1,2}/\d{1,2}(?:/\d{2,4})?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Date();

    [GeneratedRegex(@"\b(?:t&cs apply|terms apply|terms and conditions apply|conditions apply|while stocks last|subject to (?:status|availability)|see (?:site|website|app) for details|capital at risk)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Disclaimer();

    public static VariantFeatures Extract(CampaignVariant v)
    {
        var text = string.Join("\n", v.Fields.Values);
        var field = new AnalyzedField("all", text);
        var (grade, words, _) = Readability.Of(field);
        return new VariantFeatures
        {
            Text = text,
            Offers = Set(Offer().Matches(text).Select(m => Normalize(m.Value))),
            Dates = Set(Date().Matches(text).Select(m => Normalize(m.Value))),
            Disclaimers = Set(Disclaimer().Matches(text).Select(m => Normalize(m.Value))),
            Grade = grade,
            Words = words,
            Shingles = Set(Enumerable.Range(0, Math.Max(0, words - 2)).Select(i =>
                string.Join(' ', field.Span(field.Words[i]).ToString(), field.Span(field.Words[i + 1]).ToString(), field.Span(field.Words[i + 2]).ToString()).ToLowerInvariant())),
        };
    }

    private static string Normalize(string s) => string.Join(' ', s.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Replace(" %", "%");

    private static HashSet<string> Set(IEnumerable<string> items) => new(items, StringComparer.Ordinal);
}
