using ContentStudio.Core.Checks.Analysis;

namespace ContentStudio.Core.Checks.Inclusive;

/// <summary>Flags non-inclusive terms from the lexicon in every field, except in the contexts the terms file
/// allows (exceptions, word conditions) and where the words are a name: capitalised mid-sentence or inside a
/// capitalised run, or a capitalised phrase in quotes (a quoted brand or title).</summary>
public sealed class InclusiveLanguageCheck(TermLexicon lexicon, IReadOnlyCollection<string>? categories = null) : ITextCheck
{
    private readonly HashSet<string>? _only = categories is null ? null : new(categories, StringComparer.Ordinal);

    private Func<AnalyzedField, PhraseMatch<TermEntry>, bool>? _accept;

    private bool Accept(AnalyzedField f, PhraseMatch<TermEntry> m) =>
        (_only is null || _only.Contains(m.Payload.Category)) && Applies(f, m, m.Payload);

    public IReadOnlyList<string> RuleIds { get; } = [.. lexicon.Entries
        .Where(e => categories is null || categories.Contains(e.Category)).Select(e => e.RuleId)];
    public IReadOnlyList<string> Categories { get; } = categories is null ? CheckCategories.Inclusive : [.. categories];

    public void Run(CheckContext context)
    {
        var matches = new List<PhraseMatch<TermEntry>>();
        foreach (var field in context.Fields)
        {
            matches.Clear();
            lexicon.Matcher.Scan(field, matches, _accept ??= Accept);
            foreach (var m in matches)
            {
                var e = m.Payload;
                var text = field.Text.Substring(m.Start, m.Length);
                context.Add(new Finding(e.RuleId, e.Category, e.Severity, field.Name, m.Start, m.Length, text,
                    $"\"{text}\": {e.Why}", e.Suggestion));
            }
        }
    }

    internal static bool Applies(AnalyzedField field, PhraseMatch<TermEntry> m, TermEntry e)
    {
        var words = field.Words;
        var first = words[m.FirstWord];
        var prev = first.GapBefore is Gap.Space or Gap.Hyphen or Gap.Comma && m.FirstWord > 0 ? field.Span(words[m.FirstWord - 1]) : default;
        var hasNext = m.LastWord + 1 < words.Length && words[m.LastWord + 1].GapBefore is Gap.Space or Gap.Hyphen or Gap.Comma;
        var next = hasNext ? field.Span(words[m.LastWord + 1]) : default;

        if (e.OnlyPrev.Count > 0 && (prev.IsEmpty || !Contains(e.OnlyPrev, prev))) return false;
        if (e.OnlyNext.Count > 0 && (next.IsEmpty || !Contains(e.OnlyNext, next))) return false;
        if (!prev.IsEmpty && Contains(e.UnlessPrev, prev)) return false;
        if (!next.IsEmpty && Contains(e.UnlessNext, next)) return false;
        if (e.AllowProperNames && IsName(field, m, e)) return false;
        foreach (var exception in e.Exceptions)
            if (Overlaps(field.Lower, exception, m.Start, m.Length)) return false;
        return true;
    }

    private static bool Contains(HashSet<string> set, ReadOnlySpan<char> word) =>
        set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    private static bool IsName(AnalyzedField field, PhraseMatch<TermEntry> m, TermEntry e)
    {
        var words = field.Words;
        var first = words[m.FirstWord];
        if (!first.Capitalized || first.AllCaps) return false;
        // A capitalised phrase in quotes is a title or brand ("Crazy Good Ideas"), even in a headline.
        if (first.InQuotes) return true;
        if (field.TitleCase) return false;
        var prevCapital = m.FirstWord > 0 && first.GapBefore is Gap.Space or Gap.Hyphen && !first.SentenceStart
            && words[m.FirstWord - 1].Capitalized && !words[m.FirstWord - 1].SentenceStart;
        var nextCapital = m.LastWord + 1 < words.Length && words[m.LastWord + 1].GapBefore is Gap.Space or Gap.Hyphen
            && words[m.LastWord + 1].Capitalized && !words[m.LastWord + 1].AllCaps;
        if (prevCapital || nextCapital) return true;
        // A word that is normally lower-case but capitalised mid-sentence is a name ("Crusade Cycles" aside,
        // "our Chairman's Reserve"); terms that are capitalised anyway ("Oriental") need a capitalised neighbour.
        return !first.SentenceStart && !char.IsUpper(e.Term[0]);
    }

    private static bool Overlaps(string lower, string phrase, int start, int length)
    {
        var from = Math.Max(0, start - phrase.Length + 1);
        while (from <= start + length - 1)
        {
            var at = lower.IndexOf(phrase, from, StringComparison.Ordinal);
            if (at < 0 || at > start + length - 1) return false;
            if (at + phrase.Length > start) return true;
            from = at + 1;
        }
        return false;
    }
}
