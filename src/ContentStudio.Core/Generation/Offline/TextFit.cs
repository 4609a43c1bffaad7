using ContentStudio.Core.Llm;
namespace ContentStudio.Core.Generation.Offline;

/// <summary>Fits copy into a channel's limits: whole sentences first, and when a single sentence is too
/// long, a cut at a word boundary that leaves no dangling comma or "and".</summary>
internal static class TextFit
{
    private const string DanglingPunctuation = ",;:-–—(/&+ ";

    // Words a cut line must not end on: they promise more text that is no longer there.
    private static readonly HashSet<string> DanglingWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "and", "or", "but", "with", "to", "for", "of", "in", "on", "at", "by", "from",
        "your", "our", "their", "its", "is", "are", "be", "that", "this", "as", "into", "so", "if", "when",
        "than", "then", "until", "while", "we", "you", "it", "not", "no", "any", "all", "per", "via",
    };

    /// <summary>The text itself if it fits, otherwise the longest prefix ending on a whole word.
    /// With <paramref name="closeSentence"/> a cut sentence gets a full stop when there is room.</summary>
    public static string Fit(string text, int max, bool closeSentence = false) => Fit(text, s => s.Length <= max, closeSentence);

    public static string Fit(string text, Func<string, bool> fits, bool closeSentence = false)
    {
        text = text.Trim();
        if (fits(text)) return text;
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 0)
        {
            words.RemoveAt(words.Count - 1);
            var candidate = Tidy(words);
            if (candidate.Length == 0) continue;
            if (closeSentence && char.IsLetterOrDigit(candidate[^1]) && fits(candidate + ".")) return candidate + ".";
            if (fits(candidate)) return candidate;
        }
        return "";
    }

    /// <summary>Adds sentences in order while they fit (a sentence that does not fit is skipped, a later
    /// shorter one may still go in). A sentence is never cut: when none fits, the result is empty.</summary>
    public static string Join(IEnumerable<string> sentences, Func<string, bool> fits, string separator = " ")
    {
        var list = sentences.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).ToList();
        var result = "";
        foreach (var sentence in list)
        {
            var next = result.Length == 0 ? sentence : result + separator + sentence;
            if (fits(next)) result = next;
        }
        return result;
    }

    public static string Join(IEnumerable<string> sentences, int max, string separator = " ") =>
        Join(sentences, s => s.Length <= max, separator);

    /// <summary>The first candidate that fits whole; empty when none does (a sentence is never cut).</summary>
    public static string FirstThatFits(IEnumerable<string> candidates, int max) =>
        candidates.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).FirstOrDefault(c => c.Length <= max) ?? "";

    private static string Tidy(List<string> words)
    {
        var end = words.Count;
        while (end > 0 && DanglingWords.Contains(words[end - 1].TrimEnd(DanglingPunctuation.ToCharArray()))) end--;
        var text = string.Join(' ', words.Take(end)).TrimEnd(DanglingPunctuation.ToCharArray());
        // A cut inside brackets or quotes would leave them open: cut before the opening one instead.
        foreach (var (open, close) in new[] { ('(', ')'), ('"', '"'), ('“', '”') })
        {
            var opens = text.Count(c => c == open);
            var closes = open == close ? 0 : text.Count(c => c == close);
            var unbalanced = open == close ? opens % 2 == 1 : opens > closes;
            if (unbalanced) text = text[..text.LastIndexOf(open)].TrimEnd(DanglingPunctuation.ToCharArray());
        }
        return text;
    }
}
