namespace ContentStudio.Core.Checks.Analysis;

/// <summary>A phrase the matcher finds: its words (each already one concrete surface form).</summary>
public sealed record PhraseVariant<T>(string[] Words, T Payload);

/// <summary>A match of a phrase over words [FirstWord, LastWord] of a field.</summary>
public readonly record struct PhraseMatch<T>(int FirstWord, int LastWord, int Start, int Length, T Payload);

/// <summary>Finds phrases (sequences of words joined by spaces, hyphens or slashes) in analysed text. Indexed
/// by first word through a span lookup so a scan allocates nothing per word; the longest phrase at a
/// position wins, and matches never overlap.</summary>
public sealed class PhraseMatcher<T>
{
    private readonly Dictionary<string, PhraseVariant<T>[]> _byFirst;
    private readonly Dictionary<string, PhraseVariant<T>[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public PhraseMatcher(IEnumerable<PhraseVariant<T>> variants)
    {
        _byFirst = variants
            .GroupBy(v => v.Words[0], StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(v => v.Words.Length).ToArray(), StringComparer.OrdinalIgnoreCase);
        _lookup = _byFirst.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _byFirst.Count;

    /// <summary>Every surface variant of a term written with spaces between its words: the spaced and
    /// hyphenated forms share one variant (the matcher accepts either gap); with <paramref name="closed"/>
    /// also the closed compound ("black list" → "blacklist"). Only the last word inflects.</summary>
    public static IEnumerable<string[]> Expand(string term, WordClass cls, bool closed)
    {
        var words = term.Split([' ', '-', '/'], StringSplitOptions.RemoveEmptyEntries);
        foreach (var last in Inflector.Forms(words[^1], cls))
        {
            yield return [.. words[..^1], last];
            if (closed && words.Length > 1) yield return [string.Concat(words[..^1]) + last];
        }
    }

    public void Scan(AnalyzedField field, List<PhraseMatch<T>> results, Func<AnalyzedField, PhraseMatch<T>, bool>? accept = null)
    {
        var words = field.Words;
        var text = field.Text.AsSpan();
        for (var i = 0; i < words.Length; i++)
        {
            if (!_lookup.TryGetValue(text.Slice(words[i].Start, words[i].Length), out var candidates)) continue;
            foreach (var v in candidates)
            {
                if (!Follows(field, i, v.Words)) continue;
                var last = i + v.Words.Length - 1;
                var match = new PhraseMatch<T>(i, last, words[i].Start, words[last].End - words[i].Start, v.Payload);
                // A candidate whose context rules reject it gives way to the next (shorter) one.
                if (accept is not null && !accept(field, match)) continue;
                results.Add(match);
                i = last;
                break;
            }
        }
    }

    private static bool Follows(AnalyzedField field, int first, string[] phrase)
    {
        var words = field.Words;
        if (first + phrase.Length > words.Length) return false;
        for (var k = 1; k < phrase.Length; k++)
        {
            var w = words[first + k];
            if (w.GapBefore is not (Gap.Space or Gap.Hyphen or Gap.Slash)) return false;
            if (!field.Span(w).Equals(phrase[k], StringComparison.OrdinalIgnoreCase)) return false;
        }
        return true;
    }
}
