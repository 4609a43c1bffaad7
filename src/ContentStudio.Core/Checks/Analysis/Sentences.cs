namespace ContentStudio.Core.Checks.Analysis;

/// <summary>A sentence of a field: UTF-16 offsets [Start, End) into the field text, trimmed of surrounding spaces;
/// the terminator (. ! ? …) is included.</summary>
public readonly record struct SentenceSpan(int Start, int End)
{
    public int Length => End - Start;
}

/// <summary>The one sentence splitter of the product (the tokenizer's sentence starts, readability's sentence count,
/// the claims and integrity checks). A sentence ends at ! ? … or a line break, and at a full stop unless the full stop
/// is inside a number or a name ("4.10%", "2.5 times", "lumencoffee.com"), ends an abbreviation ("Dr.", "e.g.",
/// "No. 1", "10 a.m. on", "Oct. 3") or an initial ("J. Smith", "U.S. Postal"). Thousands separators are commas and never
/// end a sentence.</summary>
public static class Sentences
{
    // Titles and Latin abbreviations that are never the end of a sentence.
    private static readonly HashSet<string> NeverEnd = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "mx", "dr", "prof", "st", "mt", "sr", "jr", "vs", "v", "e.g", "i.e", "cf", "approx", "ca", "fig",
    };

    // Abbreviations that end a sentence only when a capitalised word (or the end of the text) follows: "Oct. 3",
    // "No. 1", "10 a.m. on Saturday", "1,200 ft. over" continue; "a list, etc. Full details" ends.
    private static readonly HashSet<string> EndBeforeCapital = new(StringComparer.OrdinalIgnoreCase)
    {
        "a.m", "p.m", "etc", "inc", "ltd", "co", "corp", "no", "nos", "ft", "in", "oz", "lb", "lbs", "min", "max", "est",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "dept", "ave", "blvd", "rd", "tel", "ext",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Never = NeverEnd.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BeforeCapital = EndBeforeCapital.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when the character at <paramref name="i"/> ends a sentence.</summary>
    public static bool EndsAt(string text, int i)
    {
        var c = text[i];
        if (c is '!' or '?' or '…' or '\n' or '\r') return true;
        if (c != '.') return false;
        // Inside a number, a domain or an abbreviation written without spaces ("3.5", "e.g", "U.S").
        if (i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])) return false;
        // Runs of dots ("...") end a sentence at their last dot.
        if (i + 1 < text.Length && text[i + 1] == '.') return false;
        var word = WordBefore(text, i);
        if (word.Length == 0) return true;
        if (word.Length == 1 && char.IsUpper(word[0])) return false; // an initial
        if (Never.Contains(word)) return false;
        if (!BeforeCapital.Contains(word)) return true;
        var next = i + 1;
        while (next < text.Length && text[next] is ' ' or '\t' or '"' or '”' or '’' or ')') next++;
        return next >= text.Length || text[next] is '\n' or '\r' || char.IsUpper(text[next]);
    }

    /// <summary>The sentences of a text, in order.</summary>
    public static SentenceSpan[] Split(string text)
    {
        var result = new List<SentenceSpan>(4);
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!EndsAt(text, i)) continue;
            var end = i + 1;
            // Closing quotes and brackets belong to the sentence they close.
            while (end < text.Length && text[end] is '"' or '”' or '’' or '\'' or ')' or '!' or '?') end++;
            Add(result, text, start, end);
            start = end;
            i = end - 1;
        }
        Add(result, text, start, text.Length);
        return [.. result];
    }

    private static void Add(List<SentenceSpan> result, string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end > start) result.Add(new SentenceSpan(start, end));
    }

    // The letters (and inner dots, "e.g", "a.m", "U.S") directly before the full stop at i.
    private static ReadOnlySpan<char> WordBefore(string text, int i)
    {
        var start = i;
        while (start > 0 && (char.IsLetter(text[start - 1]) || (text[start - 1] == '.' && start - 1 > 0 && char.IsLetter(text[start - 2])))) start--;
        return text.AsSpan(start, i - start);
    }
}
