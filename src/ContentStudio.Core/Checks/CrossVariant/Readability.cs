using ContentStudio.Core.Checks.Analysis;
using ContentStudio.Core.Checks.BrandRules;

namespace ContentStudio.Core.Checks.CrossVariant;

/// <summary>Flesch-Kincaid grade and word count of a text, as the readability check computes them.</summary>
public static class Readability
{
    public static (double Grade, int Words) Of(string text) => Of(new AnalyzedField("text", text));

    public static (double Grade, int Words) Of(AnalyzedField field)
    {
        var syllables = 0;
        foreach (var w in field.Words) syllables += Syllables.Count(field.Span(w));
        var (_, grade) = ReadabilityCheck.Score(field.Words.Length, field.SentenceCount, syllables);
        return (grade, field.Words.Length);
    }
}
