using System.Text.RegularExpressions;

namespace ContentStudio.Core.Checks.Claims;

/// <summary>What makes a sentence a claim (issue #10: a measurable or comparative fact about the product or the
/// customer's outcome), as one precompiled regex whose named groups are the kinds, plus what is not a claim although
/// it looks like one: idioms ("first things first", "step #1", "best wishes") and negated claims ("no guarantee is
/// made", "not clinically proven").</summary>
internal static partial class ClaimPatterns
{
    private const string Num = @"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?";

    // Order matters where alternatives start at the same place: prices before numbers ("15% off" is a price).
    // One regex per kind, tried in this order at a candidate word: a single ~200-alternative regex compiled to a method
    // too large for the JIT to optimise (it ran at microseconds per character).
    private const string SocialKind = @"[""“](?:I|I'm|I've|I'd|my|me|we|we've|our|it|this|best|love|the\s+only|switching|never)\b[^""”\n]{3,200}[""”]|[""“][^""”\n]{4,200}[""”],?\s+(?:says|said|writes|wrote|explains)\b|(?:thousands|millions|hundreds|tens\s+of\s+thousands)\s+of\s+\w+|(?:over|more\s+than|nearly|almost|around|join(?:ing)?|trusted\s+by|loved\s+by|used\s+by|chosen\s+by)\s+(?:the\s+)?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?(?:k|m|million|billion)?\+?\s+(?:\w+\s+){0,2}?\w+s\b|(?:loved|trusted|used|chosen|recommended|preferred)\s+by\s+(?:over|more|thousands|millions|hundreds|\d|(?:\w+\s+){0,2}\w+s\b)|(?:customers|members|people|users|clients|fans|shoppers|families|women|men|parents|neighbou?rs)\s+(?:(?:who|like\s+you)\s+(?:\w+\s+){0,5}?)?(?:are\s+)?(?:already|now)\s+(?:use|uses|using|trust|wear|wearing|choose|love|carry|bank|own|drink|swear|rely|pack|shop|saving|save|enjoy)|(?:customers|members|people|users|clients|fans|shoppers|reviewers|everyone|everybody)\s+(?:love|loves|rave|swear|can'?t\s+stop)|talking\s+about|rave\s+reviews?|five[- ]star|(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?(?:-\s?)?stars?|(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s+(?:\w+\s+)?reviews|join\s+(?:the\s+)?(?:thousands|millions|hundreds|\d)";
    private const string PriceKind = @"[$€£]\s?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?(?:k|m|million|billion))?|(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?(?:%|percent)\s+off|(?:save|saving|take|get|enjoy)\s+(?:up\s+to\s+)?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?%|half[- ]price|(?<!feel\s)(?<![\w-])free(?![\w-])|buy\s+one,?\s+get\s+one|bogo";
    private const string RateKind = @"apr|apy|annual\s+percentage\s+(?:rate|yield)|cash[- ]?back|interest\s+rates?|(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?%\s+interest|dividends?|no\s+(?:[\w-]+\s+){0,2}fees?|fee[- ]free|zero[- ]fees?|no\s+credit\s+check|no\s+minimum\s+balance";
    private const string CmpKind = @"(?:better|faster|cheaper|stronger|lighter|warmer|safer|healthier|smoother|softer|brighter|quicker|easier|longer|lower|higher|bigger|smaller|greater|drier|cooler|tougher|sooner)\s+than|(?:more|less|fewer)\s+(?:\w+\s+){0,2}?than|(?:twice|three\s+times|four\s+times|five\s+times|ten\s+times)\s+(?:as|the)|(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?(?:%|x|times|percent)\s+(?:more|less|fewer|\w+er)|beats?\s+(?:the|other|all|any|leading|big)|outperforms?|outlasts?|compared\s+(?:to|with)|(?:better|faster|cheaper|stronger|healthier|younger|sooner|longer|quicker|warmer|softer|smoother|brighter|drier)(?:[- ]looking|[- ]lasting)?";
    private const string SupKind = @"best(?:[- ](?:selling|sellers?|rated|ever|in[- ]class))?|(?:fast|low|cheap|high|great|big|strong|saf|smart|quick|larg|fin|fresh|soft|light|warm|tough|gentl|pur|smooth|clean|long|bright|rich|thin|short|small|sharp|strong)est|most\s+(?!of\b)\w+(?:ing|ed|ful|ive|able|ible|ous|ent|ant|ic|al|ar|ate)|least\s+expensive|world[- ]class|unbeatable|unmatched|unrivall?ed|second\s+to\s+none|like\s+no\s+other|(?:industry|market)[- ]leading|leading|top[- ]rated|top[- ]notch";
    private const string RankKind = @"\#\s?1(?!\d)|no\.\s?1(?!\d)|number\s+one|ranked|rated\s+(?:\#|top|number|best|the|no|\d)|voted|top[- ](?:\d+|rated|ten|five|three|choice|pick)|award[- ]winning|awards?|winner|won\s+(?:the|an?)\s+\w+|(?:named|crowned|chosen\s+as)\s+(?:the\s+)?(?:best|top|\#|number)";
    private const string NumKind = @"24/7|(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?(?:-\s?)?(?:%|percent|per\s?cent|x(?!\w)|times|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|yrs?|miles?|kilometers?|kilometres?|km|meters?|metres?|mm|cm|feet|foot|ft|inch(?:es)?|kg|kilos?|grams?|g|lbs?|pounds?|oz|ounces?|calories|kcal|mph)(?!\w)|(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s+(?:business|working|calendar|full)\s+days?|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|hundred|half\s+an?)\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|miles?|times)";
    private const string GrtKind = @"guarantee[sd]?|guaranteeing|money[- ]back|risk[- ]free|(?:lifetime|life-time)\s+(?:warranty|guarantee)|warrant(?:y|ies)|promise[sd]?|no[- ]questions[- ]asked|instant(?:ly)?\s+approv\w*";
    private const string ProofKind = @"clinically|scientifically|proven|dermatologist[- ](?:tested|approved|recommended)|dermatologists?|doctor[- ](?:recommended|approved)|doctors?\s+recommend|lab[- ]tested|laboratory[- ]tested|independently\s+(?:tested|verified|certified)|(?:studies|research|science|tests|data)\s+(?:show|shows|prove|proves|suggest)|science[- ]backed|evidence[- ]based|certified|tested\s+(?:by|on|in|with)|recommended\s+by";
    private const string EnvKind = @"eco[- ]?friendly|environmentally\s+friendly|planet[- ]friendly|kind\s+to\s+the\s+planet|sustainabl[ey]|sustainably|carbon[- ](?:neutral|negative|positive|free)|net[- ]zero|climate[- ](?:neutral|positive)|biodegradable|compostable|recyclable|recycled|plastic[- ]free|zero[- ]waste|organic|all[- ]natural|natural\s+(?:ingredients|formula)|cruelty[- ]free|non[- ]toxic|chemical[- ]free";
    private const string OutKind = @"cures?|cured|heals?|healing|treats?(?!\s+(?:yourself|you|someone|them))|prevents?|relieves?|detox\w*|boosts?|reverses?|erases?|eliminates?|clears?\s+(?:up\s+)?(?:acne|skin|pores|spots|breakouts|redness)|reduces?|fades?|firms?|tightens?|anti[- ]?(?:aging|ageing|wrinkle|inflammatory|bacterial)|visibly|wrinkles?|acne|eczema|psoriasis|collagen|immun\w+|weight\s+loss|lose\s+weight|burn\s+fat|fat[- ]burning|hypoallergenic|soothes?|hydrates?|strengthens?|miracles?|miraculous|save\s+(?:money|thousands|hundreds|big)|(?:earn|make)\s+more|grows?\s+your\s+(?:savings|money|wealth)|build(?:ing)?\s+(?:your\s+)?(?:credit|wealth)|credit\s+score|(?:pay\s+off|out\s+of)\s+(?:your\s+)?debt|debt[- ]free|retire\s+(?:early|earlier)|financial\s+freedom|passive\s+income|double\s+your";

    /// <summary>All kinds as one unanchored pattern (the test that keeps <see cref="FirstWords"/> in step scans with it).</summary>
    internal const string Pattern = @"(?<![\w#$€£])(?:" + SocialKind + "|" + PriceKind + "|" + RateKind + "|" + CmpKind + "|" + SupKind + "|" + RankKind + "|" + NumKind + "|" + GrtKind + "|" + ProofKind + "|" + EnvKind + "|" + OutKind + @")(?!\w)";

    [GeneratedRegex(@"\G(?<![\w#$€£])(?:" + SocialKind + @")(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SocialAt();

    [GeneratedRegex(@"\G(?<![\w#$€£])(?:" + PriceKind + @")(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PriceAt();

    [GeneratedRegex(@"\G(?<![\w#$€£])(?:" + RateKind + @")(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RateAt();

    [GeneratedRegex(@"\G(?<![\w#$€£])(?:" + CmpKind + @")(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CmpAt();

    [GeneratedRegex(@"\G(?<![\w#$€£])(?:" + SupKind + @")(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SupAt();

    [GeneratedRegex(@"\G(?<![\w#$€£])(?:" + RankKind + @")(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RankAt();

    [GeneratedRegex(@"\G(?<![\w#$€£])(?:" + NumKind + @")(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumAt();

    [GeneratedRegex(@"\G(?<![\w#$€£])(?:" + GrtKind + @")(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GrtAt();

    [GeneratedRegex(@"\G(?<![\w#$€£])(?:" + ProofKind + @")(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProofAt();

    [GeneratedRegex(@"\G(?<![\w#$€£])(?:" + EnvKind + @")(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnvAt();

    [GeneratedRegex(@"\G(?<![\w#$€£])(?:" + OutKind + @")(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OutAt();

    /// <summary>Every word an alternative of <see cref="Pattern"/> starts with (a test keeps the two in step).</summary>
    internal static readonly HashSet<string> FirstWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "thousands", "millions", "hundreds", "tens", "over", "more", "nearly", "almost", "around", "join", "joining", "trusted", "loved",
        "used", "chosen", "recommended", "preferred", "customers", "members", "people", "users", "clients", "fans", "shoppers",
        "families", "women", "men", "parents", "neighbours", "neighbors", "reviewers", "everyone", "everybody", "talking", "rave",
        "five", "save", "saving", "take", "get", "enjoy", "half", "free", "buy", "bogo", "apr", "apy", "annual", "cash", "cashback",
        "interest", "dividend", "dividends", "no", "fee", "zero", "better", "faster", "cheaper", "stronger", "lighter", "warmer", "safer",
        "healthier", "smoother", "softer", "brighter", "quicker", "easier", "longer", "lower", "higher", "bigger", "smaller", "greater",
        "drier", "cooler", "tougher", "sooner", "less", "fewer", "twice", "three", "four", "ten", "beat", "beats", "outperform",
        "outperforms", "outlast", "outlasts", "compared", "younger", "best", "fastest", "lowest", "cheapest", "highest", "greatest",
        "biggest", "strongest", "safest", "smartest", "quickest", "largest", "finest", "freshest", "softest", "lightest", "warmest",
        "toughest", "gentlest", "purest", "smoothest", "cleanest", "longest", "brightest", "richest", "thinest", "shortest", "smallest",
        "sharpest", "most", "least", "world", "unbeatable", "unmatched", "unrivalled", "unrivaled", "second", "like", "industry", "market",
        "leading", "top", "ranked", "rated", "voted", "award", "awards", "winner", "won", "named", "crowned", "number", "two", "six",
        "seven", "eight", "nine", "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "ninety", "hundred",
        "guarantee", "guarantees", "guaranteed", "guaranteeing", "money", "risk", "lifetime", "life", "warranty", "warranties", "promise",
        "promises", "promised", "instant", "instantly", "clinically", "scientifically", "proven", "dermatologist", "dermatologists",
        "doctor", "doctors", "lab", "laboratory", "independently", "studies", "research", "science", "tests", "data", "evidence",
        "certified", "tested", "eco", "ecofriendly", "environmentally", "planet", "kind", "sustainable", "sustainably", "carbon", "net",
        "climate", "biodegradable", "compostable", "recyclable", "recycled", "plastic", "organic", "all", "natural", "cruelty", "non",
        "chemical", "cure", "cures", "cured", "heal", "heals", "healing", "treat", "treats", "prevent", "prevents", "relieve", "relieves",
        "boost", "boosts", "reverse", "reverses", "erase", "erases", "eliminate", "eliminates", "clear", "clears", "reduce", "reduces",
        "fade", "fades", "firm", "firms", "tighten", "tightens", "anti", "antiaging", "antiageing", "antiwrinkle", "antiinflammatory",
        "antibacterial", "visibly", "wrinkle", "wrinkles", "acne", "eczema", "psoriasis", "collagen", "weight", "lose", "burn", "fat",
        "hypoallergenic", "soothe", "soothes", "hydrate", "hydrates", "strengthen", "strengthens", "miracle", "miracles", "miraculous",
        "earn", "make", "grow", "grows", "build", "building", "credit", "pay", "out", "debt", "retire", "financial", "passive", "double",
    };

    private static readonly (string Kind, Regex Regex, string Pattern)[] Kinds =
    [
        ("social", SocialAt(), SocialKind), ("price", PriceAt(), PriceKind), ("rate", RateAt(), RateKind), ("cmp", CmpAt(), CmpKind),
        ("sup", SupAt(), SupKind), ("rank", RankAt(), RankKind), ("num", NumAt(), NumKind), ("grt", GrtAt(), GrtKind),
        ("proof", ProofAt(), ProofKind), ("env", EnvAt(), EnvKind), ("out", OutAt(), OutKind),
    ];

    // Which kinds can start at a word (a bit per kind, in the order above), so a candidate word tries one or two kind
    // regexes instead of all eleven. Built from the patterns themselves and deliberately generous: a kind is listed for a
    // first word when its pattern contains the word's first three letters, for a digit when it reads numbers, for a sign
    // when it contains the sign. Listing a kind too many costs one failed match; listing one too few would change which
    // kind wins, so the test that compares this with trying every kind keeps it honest.
    private static readonly Dictionary<string, ushort> KindsByFirstWord = BuildKindsByFirstWord();
    private static readonly Dictionary<string, ushort>.AlternateLookup<ReadOnlySpan<char>> KindsByFirstWordLookup =
        KindsByFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly ushort DigitKinds = KindsWhere(p => p.Contains(@"\d", StringComparison.Ordinal) || p.Contains("24/7", StringComparison.Ordinal));
    private static readonly ushort CurrencyKinds = KindsWhere(p => p.Contains('$'));
    private static readonly ushort HashKinds = KindsWhere(p => p.Contains('#'));
    private static readonly ushort QuoteKinds = KindsWhere(p => p.Contains('"') || p.Contains('“'));
    private static readonly ushort AllKinds = (ushort)((1 << 11) - 1);

    private static ushort KindsWhere(Func<string, bool> test)
    {
        ushort mask = 0;
        for (var k = 0; k < Kinds.Length; k++)
            if (test(Kinds[k].Pattern)) mask |= (ushort)(1 << k);
        return mask;
    }

    private static Dictionary<string, ushort> BuildKindsByFirstWord()
    {
        var table = new Dictionary<string, ushort>(StringComparer.OrdinalIgnoreCase);
        foreach (var word in FirstWords.Append("detox").Append("immun"))
        {
            var stem = word.Length > 3 ? word[..3] : word;
            var mask = KindsWhere(p => p.Contains(stem, StringComparison.OrdinalIgnoreCase));
            table[word] = mask == 0 ? AllKinds : mask;
        }
        return table;
    }

    // The kinds worth trying at a candidate: by the sign in front, by a leading digit, or by the word.
    private static ushort KindsAt(string text, int at, ReadOnlySpan<char> word)
    {
        var c = text[at];
        if (c is '$' or '€' or '£') return CurrencyKinds;
        if (c == '#') return HashKinds;
        if (c is '"' or '“') return QuoteKinds;
        var mask = char.IsDigit(c) ? DigitKinds : (ushort)0;
        if (KindsByFirstWordLookup.TryGetValue(word, out var byWord)) mask |= byWord;
        else if (word.StartsWith("detox", StringComparison.OrdinalIgnoreCase)) mask |= KindsByFirstWord["detox"];
        else if (word.StartsWith("immun", StringComparison.OrdinalIgnoreCase)) mask |= KindsByFirstWord["immun"];
        return mask;
    }

    /// <summary>The claim starting exactly at <paramref name="at"/>, of the first of the <paramref name="kinds"/> that
    /// matches there (no allocation: the kind regexes are anchored with \G and enumerated as value matches).</summary>
    private static (int Length, string Kind) ClaimAt(string text, int at, ushort kinds)
    {
        for (var k = 0; k < Kinds.Length; k++)
        {
            if ((kinds & (1 << k)) == 0) continue;
            foreach (var m in Kinds[k].Regex.EnumerateMatches(text, at))
            {
                if (m.Index == at) return (m.Length, Kinds[k].Kind);
                break;
            }
        }
        return (0, "");
    }

    /// <summary>As the candidate scan sees it, but trying every kind (the test that keeps the first-word table honest).</summary>
    internal static (int Length, string Kind) ClaimAtTryingEveryKind(string text, int at) => ClaimAt(text, at, AllKinds);

    /// <summary>The claim the candidate scan finds at a word: the word's own start, or the sign in front of it.</summary>
    internal static (int At, int Length, string Kind) ClaimAtWord(string text, Analysis.Word w)
    {
        var at = w.Start > 0 && text[w.Start - 1] is '$' or '€' or '£' or '#' or '"' or '“' ? w.Start - 1 : w.Start;
        var kinds = KindsAt(text, at, text.AsSpan(w.Start, w.Length));
        if (kinds == 0) return (at, 0, "");
        var (length, kind) = ClaimAt(text, at, kinds);
        return (at, length, kind);
    }

    // The alternatives that start with any word ("easiest", "hikers who … already wear", "America's favourite") are tried
    // only at words with those endings (see Find): as part of Claim() they made it try every word start the slow way.
    [GeneratedRegex(
        @"\G(?:(?<sup>\w+iest)|(?<social>\w+(?:ers|ists|ians)\s+(?:(?:who|like\s+you)\s+(?:\w+\s+){0,5}?)?(?:are\s+)?(?:already|now)\s+(?:use|uses|using|trust|wear|wearing|choose|love|carry|bank|own|drink|swear|rely|pack|shop|saving|save|enjoy))" +
        @"|(?<rank>\w+['’]s\s+(?:favou?rite|\#\s?1|number\s+one)))(?!\w)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex WordLed();

    /// <summary>Every built-in claim candidate of a field, in order: (index, length, kind).</summary>
    public static List<(int Index, int Length, string Kind)>? Find(Analysis.AnalyzedField field, int limit)
    {
        var text = field.Text;
        List<(int, int, string)>? found = null;
        var covered = 0;
        foreach (var w in field.Words)
        {
            if (w.Start < covered) continue;
            var (at, length, kind) = ClaimAtWord(text, w);
            if (length == 0) continue;
            (found ??= []).Add((at, length, kind));
            covered = at + length;
            if (found.Count > limit) return found;
        }
        foreach (var w in field.Words)
        {
            var word = text.AsSpan(w.Start, w.Length);
            if (!(word.EndsWith("iest", StringComparison.OrdinalIgnoreCase) || word.EndsWith("ers", StringComparison.OrdinalIgnoreCase)
                  || word.EndsWith("ists", StringComparison.OrdinalIgnoreCase) || word.EndsWith("ians", StringComparison.OrdinalIgnoreCase)
                  || word.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || word.EndsWith("’s", StringComparison.OrdinalIgnoreCase))) continue;
            var m = WordLed().Match(text, w.Start);
            if (!m.Success || Overlaps(found, m.Index, m.Length)) continue;
            (found ??= []).Add((m.Index, m.Length, m.Groups["sup"].Success ? "sup" : m.Groups["social"].Success ? "social" : "rank"));
            if (found.Count > limit) break;
        }
        return found;
    }


    private static bool Overlaps(List<(int Index, int Length, string Kind)>? found, int index, int length)
    {
        if (found is null) return false;
        foreach (var (i, l, _) in found)
            if (index < i + l && index + length > i) return true;
        return false;
    }

    /// <summary>Phrases that contain claim words but claim nothing.</summary>
    [GeneratedRegex(
        @"(?<!\w)(?:first\s+things\s+first|best\s+(?:wishes|regards)|all\s+the\s+best|at\s+(?:best|most|least)|(?:do|try)\s+(?:your|our|my|their|his|her)\s+best|best\s+before|make\s+the\s+most|(?:the\s+)?best\s+part|better\s+late\s+than\s+never|the\s+sooner\s+the\s+better|for\s+better\s+or\s+(?:for\s+)?worse|no\s+longer|any\s+longer|all\s+the\s+better|feel\s+free" +
        @"|(?:step|tip|rule|item|chapter|page|question|part|day|week|stage|level|issue|episode|lesson|track|room|gate|aisle|size|shade|option)\s*(?:\#\s?|no\.\s?)?\d+)(?!\w)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Idiom();

    /// <summary>Money that is the customer's own account data, not a claim: "your balance of $1,250.40", "payment of …".</summary>
    [GeneratedRegex(@"(?:balance|payment|statement|due|owe|owed|paid|received|refund(?:ed)?|charged|deposited|withdrew|withdrawn|spent|minimum|limit)\b[^.!?]{0,30}$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex AccountData();


    /// <summary>Kinds a negation in front cancels ("no guarantee", "not clinically proven", "can't promise miracles").
    /// "No annual fee" is a rate claim and "no-questions-asked" a guarantee: those are not negations.</summary>
    public static bool Negatable(string kind) => kind is "grt" or "proof" or "out" or "env" or "sup" or "cmp" or "rank";

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NegatorLookup = NegatorWords().GetAlternateLookup<ReadOnlySpan<char>>();

    private static HashSet<string> NegatorWords() => new(StringComparer.OrdinalIgnoreCase)
    {
        "no", "not", "never", "cannot", "can't", "can’t", "won't", "won’t", "don't", "don’t", "doesn't", "doesn’t", "isn't", "isn’t",
        "aren't", "aren’t", "wasn't", "wasn’t", "nobody", "none", "nothing", "neither", "nor", "without", "unproven",
    };

    /// <summary>True when a negator stands among the few words before <paramref name="index"/> in the same clause.</summary>
    public static bool Negated(string text, int sentenceStart, int index)
    {
        var words = 0;
        var i = index;
        while (i > sentenceStart && words < 6)
        {
            var end = i;
            while (end > sentenceStart && char.IsWhiteSpace(text[end - 1])) end--;
            if (end > sentenceStart && text[end - 1] is ',' or ';' or ':' or '(' or '—' or '–') return false;
            var start = end;
            while (start > sentenceStart && (char.IsLetter(text[start - 1]) || text[start - 1] is '\'' or '’')) start--;
            if (start == end) return false;
            var word = text.AsSpan(start, end - start);
            if (word.Equals("but", StringComparison.OrdinalIgnoreCase)) return false;
            if (NegatorLookup.Contains(word) || word.EndsWith("n't", StringComparison.OrdinalIgnoreCase)
                || word.EndsWith("n’t", StringComparison.OrdinalIgnoreCase)) return true;
            words++;
            i = start;
        }
        return false;
    }

    /// <summary>A brand's own claim triggers as one regex (hyphen and space written alike), or null without any.</summary>
    public static Regex? Triggers(IReadOnlyList<string> triggers)
    {
        if (triggers.Count == 0) return null;
        var alternatives = triggers.Where(t => !string.IsNullOrWhiteSpace(t)).OrderByDescending(t => t.Length)
            .Select(t => string.Join(@"[-\s]+", t.Trim().Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape)));
        return new Regex(@"(?<!\w)(?:" + string.Join("|", alternatives) + @")(?!\w)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }
}
