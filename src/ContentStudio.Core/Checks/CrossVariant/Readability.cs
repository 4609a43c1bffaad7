using ContentStudio.Core.Checks.Analysis;
using ContentStudio.Core.Checks.BrandRules;

namespace ContentStudio.Core.Checks.CrossVariant;

/// <summary>Flesch-Kincaid grade, word count and syllables per word of a text, as the readability check computes them.</summary>
public static class Readability
{
    public readonly record struct Measure(double Grade, int Words, double SyllablesPerWord);

    public static Measure Of(string text) => Of(new AnalyzedField("text", text));

    public static Measure Of(AnalyzedField field)
    {
        var syllables = 0;
        foreach (var w in field.Words) syllables += Syllables.Count(field.Span(w));
        var (_, grade) = ReadabilityCheck.Score(field.Words.Length, field.SentenceCount, syllables);
        return new(grade, field.Words.Length, field.Words.Length == 0 ? 0 : syllables / (double)field.Words.Length);
    }
}
