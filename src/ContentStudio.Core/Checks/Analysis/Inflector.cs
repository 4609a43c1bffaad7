namespace ContentStudio.Core.Checks.Analysis;

/// <summary>How a term's last word inflects. Terms files name the part of speech so the lexicon can match
/// "chairmen", "chairman's", "blacklisted" and "gypping" without listing every form by hand.</summary>
public enum WordClass { Noun, Verb, Adjective, Fixed }

/// <summary>English inflection rules good enough for the closed list of terms we match (irregular forms are
/// listed in the terms file instead). Possessives get both the straight and the curly apostrophe.</summary>
public static class Inflector
{
    public static IEnumerable<string> Forms(string word, WordClass cls)
    {
        var forms = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { word };
        switch (cls)
        {
            case WordClass.Noun:
                var plural = Plural(word);
                forms.Add(plural);
                forms.Add(word + "'s");
                forms.Add(plural.EndsWith('s') ? plural + "'" : plural + "'s");
                break;
            case WordClass.Verb:
                forms.Add(Plural(word));
                forms.Add(Past(word));
                forms.Add(Gerund(word));
                break;
            case WordClass.Adjective:
                if (!word.EndsWith("ly")) forms.Add(word.EndsWith('y') ? word[..^1] + "ily" : word + "ly");
                break;
        }
        foreach (var f in forms.ToArray())
            if (f.Contains('\'')) forms.Add(f.Replace('\'', '’'));
        return forms;
    }

    public static string Plural(string w)
    {
        if (w.EndsWith("man") && w.Length > 3) return w[..^3] + "men";
        if (w.EndsWith("woman")) return w[..^5] + "women";
        if (w.EndsWith("person")) return w[..^6] + "people";
        if (w.EndsWith('y') && w.Length > 1 && !IsVowel(w[^2])) return w[..^1] + "ies";
        if (w.EndsWith('s') || w.EndsWith('x') || w.EndsWith("ch") || w.EndsWith("sh") || w.EndsWith('z')) return w + "es";
        return w + "s";
    }

    public static string Past(string w)
    {
        if (w.EndsWith('e')) return w + "d";
        if (w.EndsWith('y') && w.Length > 1 && !IsVowel(w[^2])) return w[..^1] + "ied";
        return (DoublesFinal(w) ? w + w[^1] : w) + "ed";
    }

    public static string Gerund(string w)
    {
        if (w.EndsWith("ie")) return w[..^2] + "ying";
        if (w.EndsWith('e') && !w.EndsWith("ee")) return w[..^1] + "ing";
        return (DoublesFinal(w) ? w + w[^1] : w) + "ing";
    }

    // Short consonant-vowel-consonant verbs double the final consonant: gyp → gypped, man → manned.
    private static bool DoublesFinal(string w) =>
        w.Length is >= 3 and <= 4 && !IsVowel(w[^1]) && w[^1] is not ('w' or 'x' or 'y') && (IsVowel(w[^2]) || w[^2] == 'y') && !IsVowel(w[^3]);

    private static bool IsVowel(char c) => "aeiou".Contains(char.ToLowerInvariant(c));
}
