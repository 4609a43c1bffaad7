namespace ContentStudio.Core.Generation.Offline;

/// <summary>What kind of phrase a brief, segment or guide entry is, so a sentence pattern only ever puts it in a slot
/// English allows: "daily café spend adds up" is a clause (it goes after "when"), "pause or skip a delivery any time"
/// is an instruction ("you can …"), "roasted within 48 hours of shipping" a predicate (after a colon), "overdraft
/// fees" a plural noun ("are"), "early paycheck" a countable singular ("an early paycheck", "early paychecks"),
/// "convenience" a mass noun (no article), "no time between lectures" a noun phrase that brings its own determiner,
/// "building credit" a gerund and "Annual Percentage Yield (APY)" a name.</summary>
internal enum PhraseKind { Clause, Instruction, Predicate, Plural, Determined, Gerund, Mass, Count, Name }

/// <summary>One typed phrase and its inflections. Every form is derived from the text as written, so the words the
/// brief or segment used always appear in the copy (a plural adds an ending, an article goes in front).</summary>
internal sealed class Phrase
{
    private static readonly HashSet<string> Finite = new(StringComparer.OrdinalIgnoreCase)
    {
        "is", "are", "was", "were", "isn't", "aren't", "has", "have", "had", "can", "can't", "cannot", "won't", "will",
        "does", "do", "don't", "doesn't", "adds", "add", "gets", "keeps", "takes", "feels", "seems", "looks", "costs",
        "runs", "goes", "comes", "piles", "means", "makes", "needs", "may", "might", "should", "must",
    };

    private static readonly HashSet<string> Instructions = new(StringComparer.OrdinalIgnoreCase)
    {
        "pause", "skip", "open", "get", "start", "save", "try", "cancel", "choose", "pick", "join", "earn", "move",
        "manage", "track", "send", "order", "book", "shop", "switch", "enjoy", "build", "set", "use", "pay", "freeze",
        "apply", "claim", "find", "make", "take", "see", "plan", "keep", "add", "swap", "transfer", "check", "learn",
        "discover", "explore", "sign", "stop", "change", "control", "compare", "cook", "stream", "watch", "listen",
        "book", "reserve", "upgrade", "renew", "share", "invite", "redeem", "bring", "grab", "visit", "call", "talk",
    };

    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "your", "our", "their", "my", "his", "her", "its", "no", "every", "each", "this", "these",
        "that", "those", "any", "some", "more", "less", "fewer", "all", "too", "much", "many", "lots", "plenty", "one",
    };

    private static readonly HashSet<string> Prepositions = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "on", "at", "by", "for", "with", "within", "from", "to", "of", "up", "into", "over", "under", "between",
        "after", "before", "during", "across", "through", "around", "about", "without", "per", "via", "near",
    };

    /// <summary>Nouns English does not count ("a coffee" is a cup, not the drink), beyond the abstract endings below.</summary>
    private static readonly HashSet<string> MassNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "coffee", "brew", "tea", "espresso", "decaf", "milk", "bread", "food", "water", "money", "cash", "credit", "time",
        "income", "service", "design", "travel", "work", "fun", "safety", "security", "privacy", "health", "stress",
        "debt", "insurance", "care", "childcare", "flow", "growth", "support", "help", "advice", "information", "music",
        "research", "equipment", "furniture", "software", "data", "price", "value", "quality", "comfort", "freedom",
        "peace", "quiet", "sleep", "energy", "nature", "art", "fashion", "style", "wellbeing", "fitness", "nutrition",
        "cooking", "baking", "gardening", "hardware", "luggage", "homework", "weather", "wildlife", "progress", "space",
    };

    private static readonly string[] AbstractEndings =
        ["tion", "sion", "ment", "ness", "ity", "ance", "ence", "ship", "ism", "ing", "age", "graphy", "logy", "ics", "dom", "hood"];

    public string Text { get; }
    public PhraseKind Kind { get; }

    private Phrase(string text, PhraseKind kind) => (Text, Kind) = (text, kind);

    public bool IsNoun => Kind is PhraseKind.Plural or PhraseKind.Determined or PhraseKind.Gerund or PhraseKind.Mass
        or PhraseKind.Count or PhraseKind.Name;

    /// <summary>"is" or "are", agreeing with the phrase as a subject.</summary>
    public string Be => Kind == PhraseKind.Plural ? "are" : "is";

    /// <summary>A present-tense verb agreeing with the phrase: <c>Agree("matters", "matter")</c>.</summary>
    public string Agree(string singular, string plural) => Kind == PhraseKind.Plural ? plural : singular;

    /// <summary>The phrase as one particular thing, for a subject or object: "an early paycheck", "overdraft fees",
    /// "no time between lectures"; null for a clause, instruction or predicate, which cannot stand there.</summary>
    public string? Specific => Kind switch
    {
        PhraseKind.Count => Article(Text) + " " + Text,
        PhraseKind.Clause or PhraseKind.Instruction or PhraseKind.Predicate => null,
        _ => Text,
    };

    /// <summary>The phrase in general, as the object of "love", "into", "about": countable singulars go plural
    /// ("early paychecks", "single origins"); everything else stays as it is.</summary>
    public string? General => Kind switch
    {
        PhraseKind.Count => Pluralise(Text),
        PhraseKind.Clause or PhraseKind.Instruction or PhraseKind.Predicate => null,
        _ => Text,
    };

    /// <summary>A whole sentence from the phrase, for any kind: an instruction or a fact stands as written; a clause
    /// keeps its verb. Ends with a full stop unless it already ends a sentence.</summary>
    public string Sentence => CopyText.Close(CopyText.Up(Text));

    /// <summary>The phrase after a colon or inside a sentence ("Note this: pause or skip a delivery any time.").</summary>
    public string Inline(CopyFacts f) => f.Inline(Text);

    public override string ToString() => Text;

    public static Phrase Of(string text)
    {
        text = text.Trim().TrimEnd('.', '!', ';', ',', ' ');
        return new Phrase(text, Classify(text));
    }

    internal static PhraseKind Classify(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return PhraseKind.Mass;
        var lower = words.Select(w => w.Trim('(', ')', ',', '"').ToLowerInvariant()).ToArray();
        if (text.EndsWith('?')) return PhraseKind.Clause;
        for (var i = 1; i < lower.Length; i++)
            if (Finite.Contains(lower[i])) return PhraseKind.Clause;
        if (Instructions.Contains(lower[0]) && !(lower.Length > 1 && Prepositions.Contains(lower[0]))) return PhraseKind.Instruction;
        // "Roasted within …", "FDIC insured up to …", "Freshly roasted" (a participle describing the product).
        var participle = Array.FindIndex(lower, w => w.Length > 3 && w.EndsWith("ed", StringComparison.Ordinal));
        if (participle is 0 or 1 && (participle == 0 || IsAcronym(words[0]) || lower[0].EndsWith("ly", StringComparison.Ordinal))
            && (participle == lower.Length - 1 || Prepositions.Contains(lower[participle + 1])))
            return PhraseKind.Predicate;
        if (Determiners.Contains(lower[0])) return PhraseKind.Determined;
        if (words.All(w => w.Length > 0 && (char.IsUpper(w[0]) || !char.IsLetter(w[0]))) || words.Any(IsAcronym)) return PhraseKind.Name;
        var preposition = Array.FindIndex(lower, 1, Prepositions.Contains);
        var head = preposition > 0 ? lower[preposition - 1] : lower[^1];
        if (lower[0].EndsWith("ing", StringComparison.Ordinal) && lower[0].Length > 4 && (lower.Length == 1 || preposition > 0 || !IsPluralWord(head)))
            return PhraseKind.Gerund;
        if (IsPluralWord(head)) return PhraseKind.Plural;
        var bare = head.Split('-')[^1];
        if (MassNouns.Contains(bare) || AbstractEndings.Any(e => bare.EndsWith(e, StringComparison.Ordinal) && bare.Length > e.Length + 2))
            return PhraseKind.Mass;
        return PhraseKind.Count;
    }

    private static bool IsAcronym(string word)
    {
        var letters = word.Trim('(', ')', ',').Where(char.IsLetter).ToArray();
        return letters.Length >= 2 && letters.All(char.IsUpper);
    }

    private static bool IsPluralWord(string word) =>
        word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) &&
        !word.EndsWith("us", StringComparison.Ordinal) && !word.EndsWith("is", StringComparison.Ordinal) &&
        !MassNouns.Contains(word);

    /// <summary>"a" or "an" by sound, near enough: vowels, silent h in "hour"/"honest", and "u"/"eu" that sound "you".</summary>
    public static string Article(string text)
    {
        var w = text.TrimStart('(', '"').ToLowerInvariant();
        if (w.Length == 0) return "a";
        if (w.StartsWith("hour", StringComparison.Ordinal) || w.StartsWith("honest", StringComparison.Ordinal)) return "an";
        if (w.StartsWith("uni", StringComparison.Ordinal) || w.StartsWith("use", StringComparison.Ordinal) ||
            w.StartsWith("usu", StringComparison.Ordinal) || w.StartsWith("eu", StringComparison.Ordinal) ||
            w.StartsWith("one", StringComparison.Ordinal)) return "a";
        return "aeiou".Contains(w[0]) ? "an" : "a";
    }

    /// <summary>The head noun made plural: the last word, or the word before the first preposition
    /// ("cup of coffee" → "cups of coffee").</summary>
    public static string Pluralise(string text)
    {
        var words = text.Split(' ');
        var p = Array.FindIndex(words, 1, w => Prepositions.Contains(w));
        var i = p > 0 ? p - 1 : words.Length - 1;
        words[i] = PluralWord(words[i]);
        return string.Join(' ', words);
    }

    private static string PluralWord(string w)
    {
        var lower = w.ToLowerInvariant();
        if (lower.EndsWith('y') && w.Length > 2 && !"aeiou".Contains(lower[^2])) return w[..^1] + "ies";
        if (lower.EndsWith('s') || lower.EndsWith('x') || lower.EndsWith("ch", StringComparison.Ordinal) ||
            lower.EndsWith("sh", StringComparison.Ordinal) || lower.EndsWith('z')) return w + "es";
        return w + "s";
    }
}

/// <summary>Small text helpers the sentence patterns share.</summary>
internal static class CopyText
{
    public static string Up(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>Ends the text as a sentence: a full stop unless it already ends with . ! ? or a closing quote.</summary>
    public static string Close(string text)
    {
        text = text.TrimEnd();
        return text.Length == 0 || ".!?\"”".Contains(text[^1]) ? text : text + ".";
    }

    public static string Headline(string sentence) => sentence.TrimEnd('.', ' ');

    /// <summary>One of the options by index, wrapping in both directions.</summary>
    public static T Cycle<T>(int r, IReadOnlyList<T> options) => options[((r % options.Count) + options.Count) % options.Count];
}
