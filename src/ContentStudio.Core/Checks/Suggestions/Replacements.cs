using ContentStudio.Core.Checks.Analysis;

namespace ContentStudio.Core.Checks;

/// <summary>Which suggestions are literal replacement text a person can apply with one click, fitted to the place
/// the finding points at, and which are advice for a person ("a concrete benefit", "remove it", "describe the
/// behaviour"). A replacement is only ever offered for the span of the finding whose rule suggested it, and only when
/// that span still reads as the check saw it: after any edit the page reads a fresh check, never shifted offsets.</summary>
public static class Replacements
{
    /// <summary>The edits a person can apply for <paramref name="finding"/> in the field text it was found in; empty
    /// when its suggestion is advice, when the span no longer reads as the check saw it, or when no replacement fits
    /// (inside a link, address or handle; a hashtag that would split).</summary>
    public static IReadOnlyList<SuggestedEdit> For(string fieldText, Finding finding)
    {
        if (!StillReads(fieldText, finding)) return [];
        var edits = new List<SuggestedEdit>();
        foreach (var candidate in ReplacementFit.Candidates(fieldText, finding))
        {
            if (ReplacementFit.Fit(fieldText, finding, candidate) is not { } replacement) continue;
            if (replacement == finding.Text || edits.Any(e => e.Replacement == replacement)) continue;
            edits.Add(Build(fieldText, finding, replacement));
        }
        return edits;
    }

    /// <summary>The fields with <paramref name="edit"/> applied. Refused when the field has changed since the check that
    /// produced the finding ran (someone saved in between): the page then reloads a fresh check instead of guessing.</summary>
    public static IReadOnlyDictionary<string, string> Apply(IReadOnlyDictionary<string, string> fields, SuggestedEdit edit)
    {
        var f = edit.Finding;
        if (!fields.TryGetValue(f.Field, out var text) || !StillReads(text, f) || Build(text, f, edit.Replacement).NewText != edit.NewText)
            throw new InvalidOperationException("The text has changed since the checks ran; the findings were read again, please choose the suggestion again.");
        return new Dictionary<string, string>(fields) { [f.Field] = edit.NewText };
    }

    /// <summary>True when the finding points at a span of this text that still reads as the check saw it.</summary>
    public static bool StillReads(string text, Finding f) =>
        f.Length > 0 && f.Start >= 0 && f.Start + f.Length <= text.Length && string.CompareOrdinal(text, f.Start, f.Text, 0, f.Length) == 0
        && f.Text.Length == f.Length;

    private static SuggestedEdit Build(string text, Finding f, string replacement)
    {
        var (newText, removedFrom, removedTo) = replacement.Length == 0
            ? Remove(text, f.Start, f.Start + f.Length)
            : (text[..f.Start] + replacement + text[(f.Start + f.Length)..], f.Start, f.Start + f.Length);
        var delta = newText.Length - text.Length;
        var (from, to) = SentenceAround(text, removedFrom, removedTo);
        return new SuggestedEdit(f, replacement, newText, new SentenceChange(text[from..to].Trim(), newText[from..(to + delta)].Trim()));
    }

    /// <summary>Removes [start, end) and the space it leaves: one space between words, none before punctuation or at
    /// the start of the text. Returns the range actually removed.</summary>
    private static (string Text, int From, int To) Remove(string text, int start, int end)
    {
        bool SpaceAt(int i) => i >= 0 && i < text.Length && text[i] == ' ';
        if (SpaceAt(end) && (start == 0 || SpaceAt(start - 1))) end++;
        else if (SpaceAt(start - 1) && (end == text.Length || char.IsPunctuation(text[end]))) start--;
        return (text[..start] + text[end..], start, end);
    }

    private static (int From, int To) SentenceAround(string text, int start, int end)
    {
        var sentences = Sentences.Split(text);
        int from = start, to = end;
        foreach (var s in sentences)
        {
            if (s.End <= start || s.Start >= Math.Max(end, start + 1)) continue;
            from = Math.Min(from, s.Start);
            to = Math.Max(to, s.End);
        }
        return (from, Math.Min(to, text.Length));
    }
}
