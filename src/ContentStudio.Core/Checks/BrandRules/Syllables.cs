namespace ContentStudio.Core.Checks.BrandRules;

/// <summary>English syllable counting by rule, no dictionary (the method textstat's fallback and most
/// readability tools use): count groups of vowels (a e i o u y), then drop a silent final "e" (but not
/// "-le" after a consonant: "ta-ble"), drop "-es"/"-ed" endings that add no syllable ("makes", "jumped",
/// but not "wanted", "boxes"), and count at least one per word. Numbers count one syllable per digit group
/// of up to two digits, roughly how they are read. It is right for about 9 in 10 common words, which is
/// enough for grade estimates over a paragraph.</summary>
public static class Syllables
{
    public static int Count(ReadOnlySpan<char> word)
    {
        Span<char> buffer = stackalloc char[Math.Min(word.Length, 64)];
        var n = 0;
        var digits = 0;
        foreach (var ch in word)
        {
            if (char.IsDigit(ch)) { digits++; continue; }
            if (!char.IsLetter(ch) || n == buffer.Length) continue;
            buffer[n++] = char.ToLowerInvariant(ch);
        }
        if (n == 0) return digits == 0 ? 0 : (digits + 1) / 2;
        var w = buffer[..n];
        if (n <= 3) return 1;
        var count = 0;
        var prevVowel = false;
        for (var i = 0; i < n; i++)
        {
            var vowel = IsVowel(w[i]) || (w[i] == 'y' && i > 0);
            if (vowel && !prevVowel) count++;
            prevVowel = vowel;
        }
        if (w[^1] == 'e' && !(w[^2] == 'l' && !IsVowel(w[^3])) && !IsVowel(w[^2])) count--;
        else if (w.EndsWith("es") && !IsVowel(w[^3]) && w[^3] is not ('s' or 'x' or 'z' or 'h' or 'c' or 'g')) count--;
        else if (w.EndsWith("ed") && w[^3] is not ('t' or 'd') && !IsVowel(w[^3])) count--;
        return Math.Max(1, count);
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
