using ContentStudio.Core.Brands;

namespace ContentStudio.Core.Checks.BrandRules;

/// <summary>Flesch reading ease and Flesch-Kincaid grade over an item's prose, against the brand's grade range.
/// Short items (under 20 words) are not scored: a formula over one sentence says nothing.</summary>
public sealed class ReadabilityCheck(Brand brand) : ITextCheck
{
    public const string TooHardRule = "brand.readability.too-hard";
    public const string TooEasyRule = "brand.readability.too-simple";
    public const int MinimumWords = 20;
    private static readonly HashSet<string> NonProse = new(["cta", "hashtags", "subject", "title", "headline"], StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<string> RuleIds { get; } = [TooHardRule, TooEasyRule];
    public IReadOnlyList<string> Categories { get; } = [CheckCategories.Readability];

    public void Run(CheckContext context)
    {
        int words = 0, sentences = 0, syllables = 0;
        AnalyzedProse? longest = null;
        foreach (var field in context.Fields)
        {
            if (NonProse.Contains(field.Name) && context.Fields.Count > 1) continue;
            words += field.Words.Length;
            sentences += field.SentenceCount;
            foreach (var w in field.Words) syllables += Syllables.Count(field.Span(w));
            if (longest is null || field.Text.Length > longest.Value.Length) longest = new(field.Name, field.Text.Length);
        }
        if (words < MinimumWords || longest is null) return;
        var (ease, grade) = Score(words, sentences, syllables);
        var range = brand.ReadingLevel;
        var where = $"Flesch reading ease {ease:0}, Flesch-Kincaid grade {grade:0.0}; the brand aims for grade {range.MinGrade:0.#}–{range.MaxGrade:0.#}";
        if (grade > range.MaxGrade + 0.5)
            context.Add(new Finding(TooHardRule, CheckCategories.Readability, Severity.Warning, longest.Value.Name, 0, 0, "",
                $"Harder to read than the brand allows ({where}).", "shorter sentences and simpler words"));
        else if (grade < range.MinGrade - 2)
            context.Add(new Finding(TooEasyRule, CheckCategories.Readability, Severity.Info, longest.Value.Name, 0, 0, "",
                $"Simpler than the brand's range ({where}).", "vary sentence length"));
    }

    public static (double Ease, double Grade) Score(int words, int sentences, int syllables)
    {
        var wps = words / (double)Math.Max(1, sentences);
        var spw = syllables / (double)Math.Max(1, words);
        return (206.835 - 1.015 * wps - 84.6 * spw, 0.39 * wps + 11.8 * spw - 15.59);
    }

    private readonly record struct AnalyzedProse(string Name, int Length);
}
