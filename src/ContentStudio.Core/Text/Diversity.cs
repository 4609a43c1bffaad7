using System.Text.RegularExpressions;

namespace ContentStudio.Core.Text;

/// <summary>How different a set of texts is, measured on lower-cased word n-grams. Used to show that the
/// variants of one segment × channel really read differently rather than swapping a word or two.</summary>
public static partial class Diversity
{
    /// <summary>Jaccard similarity of the two texts' word-trigram sets: 0 = nothing shared, 1 = the same set.
    /// Texts too short to have a trigram compare by their words: identical → 1, otherwise 0.</summary>
    public static double TrigramJaccard(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var wa = Words(a);
        var wb = Words(b);
        var ta = NGrams(wa, 3).ToHashSet(StringComparer.Ordinal);
        var tb = NGrams(wb, 3).ToHashSet(StringComparer.Ordinal);
        if (ta.Count == 0 && tb.Count == 0) return wa.SequenceEqual(wb) && wa.Count > 0 ? 1.0 : 0.0;
        var shared = ta.Count(tb.Contains);
        var union = ta.Count + tb.Count - shared;
        return (double)shared / union;
    }

    /// <summary>The mean <see cref="TrigramJaccard"/> over every pair of texts (0 with fewer than two).</summary>
    public static double MeanPairwiseTrigramOverlap(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        double sum = 0;
        var pairs = 0;
        for (var i = 0; i < texts.Count; i++)
            for (var j = i + 1; j < texts.Count; j++)
            {
                sum += TrigramJaccard(texts[i], texts[j]);
                pairs++;
            }
        return pairs == 0 ? 0 : sum / pairs;
    }

    /// <summary>Distinct-n: distinct word n-grams over all n-grams in the texts (1 = no n-gram repeats;
    /// 0 when the texts have no n-gram at all).</summary>
    public static double DistinctNgramRatio(IReadOnlyList<string> texts, int n)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var all = texts.SelectMany(t => NGrams(Words(t ?? ""), n)).ToList();
        return all.Count == 0 ? 0 : (double)all.Distinct(StringComparer.Ordinal).Count() / all.Count;
    }

    internal static IReadOnlyList<string> Words(string text) =>
        WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToList();

    private static IEnumerable<string> NGrams(IReadOnlyList<string> words, int n)
    {
        for (var i = 0; i + n <= words.Count; i++)
            yield return string.Join(' ', words.Skip(i).Take(n));
    }

    // Letters and digits with inner apostrophes, so "you're" stays one word and punctuation never counts.
    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*")]
    private static partial Regex WordPattern();
}
