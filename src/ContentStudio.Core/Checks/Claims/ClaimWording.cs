using System.Text;

namespace ContentStudio.Core.Checks.Claims;

/// <summary>Text normalised for comparing wordings: lower case, one space for any run of white space, straight quotes
/// and hyphens for their typographic forms, thousands separators dropped ("10,000" = "10000"). <see cref="Map"/> leads
/// each normalised character back to the original, so a match points at the copy.</summary>
public sealed class ClaimWording
{
    private ClaimWording(string text, int[] map)
    {
        Text = text;
        Map = map;
    }

    public string Text { get; }
    /// <summary>Original offset of each normalised character, plus one entry for the end.</summary>
    public int[] Map { get; }

    public static ClaimWording Of(string text)
    {
        var sb = new StringBuilder(text.Length);
        var map = new List<int>(text.Length + 1);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                if (sb.Length > 0 && sb[^1] != ' ') { sb.Append(' '); map.Add(i); }
                continue;
            }
            if (c == ',' && IsThousandsSeparator(text, i)) continue;
            sb.Append(Fold(c));
            map.Add(i);
        }
        if (sb.Length > 0 && sb[^1] == ' ') { sb.Length--; map.RemoveAt(map.Count - 1); }
        map.Add(text.Length);
        return new ClaimWording(sb.ToString(), [.. map]);
    }

    /// <summary>The normalised form of an approved wording: as <see cref="Of"/>, without a final full stop.</summary>
    public static string Key(string text) => Of(text).Text.TrimEnd('.', '!', ' ');

    /// <summary>The key (<see cref="Key"/>) of the original range [<paramref name="start"/>, <paramref name="end"/>), read
    /// from this normalised text instead of normalising the range again. Equal to <c>Key(text[start..end])</c> when the range
    /// starts and ends on non-blank characters (a sentence, a match), because the normalisation reads no further than a
    /// character's neighbours within such a range.</summary>
    public string KeyOf(int start, int end)
    {
        var from = FirstAtOrAfter(start);
        var to = FirstAtOrAfter(end);
        return Text[from..to].TrimEnd('.', '!', ' ');
    }

    // The first normalised index whose original offset is at or after `original` (Map is increasing).
    private int FirstAtOrAfter(int original)
    {
        int lo = 0, hi = Map.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Map[mid] < original) lo = mid + 1; else hi = mid;
        }
        return Math.Min(lo, Text.Length);
    }

    /// <summary>Every occurrence of <paramref name="key"/> standing as whole words, as original [start, end) ranges.</summary>
    public IEnumerable<(int Start, int End)> Find(string key)
    {
        if (key.Length == 0) yield break;
        for (var at = Text.IndexOf(key, StringComparison.Ordinal); at >= 0; at = Text.IndexOf(key, at + 1, StringComparison.Ordinal))
        {
            var end = at + key.Length;
            if (at > 0 && char.IsLetterOrDigit(Text[at - 1]) && char.IsLetterOrDigit(key[0])) continue;
            if (end < Text.Length && char.IsLetterOrDigit(Text[end]) && char.IsLetterOrDigit(key[^1])) continue;
            yield return (Map[at], Map[end - 1] + 1);
        }
    }

    private static char Fold(char c) => c switch
    {
        '’' or '‘' or '`' or '´' => '\'',
        '“' or '”' or '„' => '"',
        '‐' or '‑' => '-',
        _ => char.ToLowerInvariant(c),
    };

    // "10,000" and "1,250.40": a comma between a digit and exactly three digits.
    private static bool IsThousandsSeparator(string text, int i) => i > 0 && char.IsDigit(text[i - 1]) && Digits3(text, i + 1);

    private static bool Digits3(string text, int from) =>
        from + 2 < text.Length && char.IsDigit(text[from]) && char.IsDigit(text[from + 1]) && char.IsDigit(text[from + 2])
        && (from + 3 == text.Length || !char.IsDigit(text[from + 3]));
}
