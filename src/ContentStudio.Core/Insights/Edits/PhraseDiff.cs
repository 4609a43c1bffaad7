using System.Text.RegularExpressions;
using DiffPlex;

namespace ContentStudio.Core.Insights.Edits;

/// <summary>One change inside a field: the phrase taken out and the phrase put in (either may be empty: a pure removal
/// or addition), as they read in the text.</summary>
public sealed record PhraseChange(string Removed, string Added);

/// <summary>What an edit changed in one field, phrase by phrase: a word-level diff (DiffPlex, Myers' algorithm) over words
/// and single punctuation marks, each changed run read back from the original text with its own spacing. Runs longer than
/// <see cref="MaxPhraseTokens"/> on either side are rewrites, not phrase swaps, and are left out.</summary>
public static partial class PhraseDiff
{
    public const int MaxPhraseTokens = 6;

    [GeneratedRegex(@"\w+(?:['’\-]\w+)*|[^\w\s]", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();

    public static IReadOnlyList<PhraseChange> Changes(string before, string after)
    {
        if (string.Equals(before, after, StringComparison.Ordinal)) return [];
        var old = TokenPattern().Matches(before);
        var @new = TokenPattern().Matches(after);
        var result = new Differ().CreateCustomDiffs(before, after, false,
            text => ReferenceEquals(text, before) ? old.Select(m => m.Value).ToArray() : @new.Select(m => m.Value).ToArray());
        var changes = new List<PhraseChange>();
        foreach (var block in result.DiffBlocks)
        {
            if (block.DeleteCountA > MaxPhraseTokens || block.InsertCountB > MaxPhraseTokens) continue;
            var removed = Span(before, old, block.DeleteStartA, block.DeleteCountA);
            var added = Span(after, @new, block.InsertStartB, block.InsertCountB);
            if (removed.Length > 0 || added.Length > 0) changes.Add(new PhraseChange(removed, added));
        }
        return changes;
    }

    /// <summary>The phrase a person reads: lower case, one space between words, for counting the same change once.</summary>
    public static string Key(string phrase) => string.Join(' ', phrase.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Span(string text, MatchCollection tokens, int start, int count) =>
        count == 0 ? "" : text[tokens[start].Index..(tokens[start + count - 1].Index + tokens[start + count - 1].Length)];
}
