using System.Globalization;
using ContentStudio.Core.Checks.Analysis;
using ContentStudio.Core.Checks.Inclusive;

namespace ContentStudio.Core.Checks;

/// <summary>Fits a rule's suggested text to the place its finding points at: the rule decides whether the suggestion
/// is text at all; the token decides whether it may change (never inside a link, address or handle; inside a hashtag
/// only as one word of the same style); the matched words decide the form (plural, past, -ing, possessive, as the
/// term was inflected) and the capitals (ALL CAPS, a capitalised or sentence-initial word, Title Case) unless the
/// replacement is a name written exactly.</summary>
internal static class ReplacementFit
{
    private enum CasePolicy { Follow, Exact }

    // Suggestions that tell a person what to do rather than what to write ("remove it", "describe the behaviour",
    // "the specific area", "the occupation alone").
    private static readonly string[] AdviceVerbs = ["remove", "describe", "use", "say", "name", "avoid", "rephrase", "specify", "state", "drop", "omit", "reword", "explain", "consider"];

    private static readonly Lazy<Dictionary<string, TermEntry>> Terms = new(() =>
        TermLexicon.Default.Entries.GroupBy(e => e.RuleId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal));

    /// <summary>The raw texts a rule suggests for this finding ("" removes the span); none when its suggestion is advice.</summary>
    public static IEnumerable<string> Candidates(string text, Finding f)
    {
        var id = f.RuleId;
        if (id.StartsWith("inclusive.", StringComparison.Ordinal) || id is "brand.terms.deprecated" or "brand.terms.banned")
            return Split(f.Suggestion).Where(s => !IsAdvice(s));
        return id switch
        {
            "brand.product-name" => Split(f.Suggestion),
            // The words, not shouting: lower case, capitalised where a capital belongs (the fit below).
            "brand.voice.all-caps" => [f.Text.ToLowerInvariant()],
            // One full stop ends the sentence; a second mark after one ("Great!!", "Really?!") is simply removed.
            "brand.voice.exclamation" => [f.Start > 0 && text[f.Start - 1] is '!' or '?' or '.' ? "" : "."],
            "brand.voice.emoji" => [""],
            _ => [],
        };
    }

    /// <summary>The candidate as it should be written at the finding's place, or null when it does not fit there.</summary>
    public static string? Fit(string text, Finding f, string candidate)
    {
        var start = TextTokens.At(text, f.Start);
        var end = TextTokens.At(text, f.Start + f.Length - 1);
        if (!start.IsWord || !end.IsWord)
            return start == end && start.Kind == TokenKind.Hashtag ? InHashtag(text, start, f, candidate) : null;
        if (candidate.Length == 0) return candidate;
        var policy = f.RuleId is "brand.product-name" ? CasePolicy.Exact : CasePolicy.Follow;
        if (Inflect(f, candidate) is not { } inflected) return null;
        return policy == CasePolicy.Exact || HasCapital(inflected) && f.RuleId != "brand.voice.all-caps"
            ? inflected : MatchCase(text, f, inflected);
    }

    /// <summary>Inside a hashtag the replacement is joined into one word in the tag's style (#GuysNightOut →
    /// #EveryoneNightOut, #guysnightout → #everyonenightout); a tag is not shortened or emptied.</summary>
    private static string? InHashtag(string text, TextToken tag, Finding f, string candidate)
    {
        if (candidate.Length == 0 || f.Start <= tag.Start) return null;
        var words = candidate.Split([' ', '-', '’', '\''], StringSplitOptions.RemoveEmptyEntries);
        var body = text[(tag.Start + 1)..tag.End];
        var camel = body.Skip(1).Any(char.IsUpper) || char.IsUpper(f.Text[0]);
        var joined = camel && f.RuleId != "brand.product-name"
            ? string.Concat(words.Select(w => char.ToUpperInvariant(w[0]) + w[1..]))
            : f.RuleId == "brand.product-name" ? string.Concat(words) : string.Concat(words).ToLowerInvariant();
        return joined.All(char.IsLetterOrDigit) ? joined : null;
    }

    /// <summary>The candidate in the form the matched words have: an inclusive term matched as its plural, past or -ing
    /// form gets that form of the replacement's last word; a possessive stays possessive. A multi-word replacement
    /// that would need an inflection other than the possessive is not offered (it cannot be trusted to read right).</summary>
    private static string? Inflect(Finding f, string candidate)
    {
        var (matched, apostrophe) = StripPossessive(f.Text);
        if (apostrophe is not null && (candidate.EndsWith("'s", StringComparison.Ordinal) || candidate.EndsWith("’s", StringComparison.Ordinal))) apostrophe = null;
        var form = Terms.Value.TryGetValue(f.RuleId, out var term) ? FormOf(term.Term, matched) : null;
        if (form is not null)
        {
            var words = candidate.Split(' ');
            if (words.Length > 2) return null;
            words[^1] = form(words[^1]);
            if (words[^1].Length == 0) return null;
            candidate = string.Join(' ', words);
        }
        // A possessive stays possessive, in the original's apostrophe: "guys’" → "everyone’s", "chairmen's" → "chairpeople's".
        if (apostrophe is { } a) candidate += candidate.EndsWith('s') && !candidate.EndsWith("ss", StringComparison.Ordinal) ? $"{a}" : $"{a}s";
        return candidate;
    }

    /// <summary>How the matched text inflects the term's last word, or null when it is the term as written (or a form
    /// the terms file lists by hand, whose suggestion was written for it).</summary>
    private static Func<string, string>? FormOf(string term, string matched)
    {
        var termLast = Last(term);
        var matchedLast = Last(matched);
        if (matchedLast.Equals(termLast, StringComparison.OrdinalIgnoreCase)) return null;
        if (matchedLast.Equals(Inflector.Plural(termLast), StringComparison.OrdinalIgnoreCase)) return Inflector.Plural;
        if (matchedLast.Equals(Inflector.Past(termLast), StringComparison.OrdinalIgnoreCase)) return PastOrNothing;
        if (matchedLast.Equals(Inflector.Gerund(termLast), StringComparison.OrdinalIgnoreCase)) return Inflector.Gerund;
        // A listed singular of a plural term ("old person" of "old people") takes the singular of the replacement.
        if (Inflector.Plural(matchedLast).Equals(termLast, StringComparison.OrdinalIgnoreCase)) return SingularOrNothing;
        return null;
    }

    // Verbs whose past is not "-ed" ("run" → "ran"/"run"): no past form is offered for them rather than a wrong one.
    private static readonly HashSet<string> IrregularPast = new(StringComparer.OrdinalIgnoreCase)
    {
        "run", "lead", "hold", "keep", "make", "take", "give", "get", "go", "do", "see", "build", "buy", "bring", "send", "spend",
        "set", "put", "cut", "let", "meet", "pay", "say", "sell", "tell", "think", "win", "write", "begin", "choose", "drive",
        "fly", "grow", "know", "speak", "teach", "be", "have", "feel", "find", "leave", "stand", "understand",
    };

    private static string PastOrNothing(string verb) => IrregularPast.Contains(verb) ? "" : Inflector.Past(verb);

    /// <summary>The singular of a regular or -man/-person plural ("older adults" → "adult", "people" → "person"); empty
    /// when the word does not read as one of those plurals (then no singular is offered).</summary>
    private static string SingularOrNothing(string word)
    {
        string[] candidates = word.EndsWith("people", StringComparison.OrdinalIgnoreCase) ? [word[..^6] + "person"]
            : word.EndsWith("men", StringComparison.OrdinalIgnoreCase) ? [word[..^3] + "man"]
            : word.EndsWith("ies", StringComparison.OrdinalIgnoreCase) ? [word[..^3] + "y"]
            : word.EndsWith("es", StringComparison.OrdinalIgnoreCase) ? [word[..^2], word[..^1]]
            : word.EndsWith('s') ? [word[..^1]] : [];
        return candidates.FirstOrDefault(c => c.Length > 0 && Inflector.Plural(c).Equals(word, StringComparison.OrdinalIgnoreCase)) ?? "";
    }

    private static string Last(string phrase) => phrase.Split([' ', '-', '/'], StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } w ? w[^1] : phrase;

    /// <summary>The words without a possessive ending, and the apostrophe it was written with (null: not possessive).</summary>
    private static (string Words, char? Apostrophe) StripPossessive(string text)
    {
        if (text.Length > 2 && text[^1] is 's' or 'S' && text[^2] is '\'' or '’') return (text[..^2], text[^2]);
        if (text.Length > 2 && text[^1] is '\'' or '’' && text[^2] is 's' or 'S') return (text[..^1], text[^1]);
        return (text, null);
    }

    /// <summary>Capitals as the original had them: ALL CAPS stays ALL CAPS, Title Case stays Title Case, a capitalised
    /// or sentence-initial word stays capitalised, a lower-case word gets the lower-case replacement.</summary>
    private static string MatchCase(string text, Finding f, string replacement)
    {
        var letters = f.Text.Where(char.IsLetter).ToList();
        if (letters.Count >= 2 && letters.All(char.IsUpper) && f.RuleId != "brand.voice.all-caps") return replacement.ToUpperInvariant();
        var originalWords = f.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (originalWords.Length > 1 && originalWords.All(w => char.IsUpper(w[0])))
            return CultureInfo.InvariantCulture.TextInfo.ToTitleCase(replacement);
        var capital = char.IsUpper(f.Text[0]) && (f.RuleId != "brand.voice.all-caps" || SentenceInitial(text, f.Start));
        return capital && replacement.Length > 0 ? char.ToUpperInvariant(replacement[0]) + replacement[1..] : replacement;
    }

    private static bool SentenceInitial(string text, int start) =>
        Sentences.Split(text).Any(s => s.Start == start || text.AsSpan(s.Start, Math.Max(0, start - s.Start)).Trim("\"“‘'(").IsEmpty && s.Start <= start);

    private static bool HasCapital(string s) => s.Any(char.IsUpper);

    private static IEnumerable<string> Split(string? suggestion) => string.IsNullOrWhiteSpace(suggestion) ? [] :
        suggestion.Split(" / ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool IsAdvice(string suggestion)
    {
        var first = suggestion.Split(' ')[0];
        return AdviceVerbs.Contains(first, StringComparer.OrdinalIgnoreCase) || suggestion.Contains("specific", StringComparison.OrdinalIgnoreCase)
            || suggestion.IndexOfAny([';', ':', '(', '"']) >= 0
            || suggestion.EndsWith(" alone", StringComparison.OrdinalIgnoreCase);
    }
}
