using ContentStudio.Core.Brands;
using ContentStudio.Core.Checks.Analysis;

namespace ContentStudio.Core.Checks.BrandRules;

/// <summary>Mentions of a competitor by name: comparative copy needs legal review, so it goes to a person.</summary>
public sealed class CompetitorCheck(Brand brand) : ITextCheck
{
    public const string RuleId = "brand.competitor";
    private readonly PhraseMatcher<string> _matcher = new(brand.Competitors
        .Where(c => !string.IsNullOrWhiteSpace(c))
        .SelectMany(c => PhraseMatcher<string>.Expand(c.Trim(), WordClass.Fixed, false)
            .Concat([[.. c.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[..^1], c.Trim().Split(' ')[^1] + "'s"]])
            .Select(words => new PhraseVariant<string>(words, c.Trim()))));

    public IReadOnlyList<string> RuleIds { get; } = [RuleId];

    /// <summary>A competitor whose name is an everyday word ("Apple", "Square", "Chime") is a name where the copy writes it
    /// as one: possessive ("Apple's"), or capitalised where a common word would not be (inside a sentence, or before another
    /// capitalised word: "Apple Pay"). "An apple a day" and "Square one." at a sentence start are the word.</summary>
    internal static bool UsedAsName(AnalyzedField field, PhraseMatch<string> m)
    {
        var first = field.Words[m.FirstWord];
        var last = field.Words[m.LastWord];
        if (!first.Capitalized && !first.AllCaps) return false;
        var lastText = field.Span(last);
        if (lastText.EndsWith("'s", StringComparison.Ordinal) || lastText.EndsWith("’s", StringComparison.Ordinal)) return true;
        if (m.LastWord + 1 < field.Words.Length && field.Words[m.LastWord + 1] is { GapBefore: Gap.Space } next
            && (next.Capitalized || next.AllCaps) && !next.SentenceStart) return true;
        return !first.SentenceStart && !field.TitleCase;
    }
    public IReadOnlyList<string> Categories { get; } = [CheckCategories.Competitors];

    public void Run(CheckContext context)
    {
        var matches = new List<PhraseMatch<string>>();
        foreach (var field in context.Fields)
        {
            matches.Clear();
            _matcher.Scan(field, matches, (f, m) => !brand.CommonWordCompetitors.Contains(m.Payload) || UsedAsName(f, m));
            foreach (var m in matches)
                context.Add(new Finding(RuleId, CheckCategories.Competitors, Severity.Warning, field.Name, m.Start, m.Length,
                    field.Text.Substring(m.Start, m.Length),
                    $"Mentions the competitor {m.Payload}: comparisons need legal review and evidence.", "leave the competitor out"));
        }
    }
}
