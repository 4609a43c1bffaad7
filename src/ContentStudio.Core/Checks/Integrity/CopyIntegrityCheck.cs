using ContentStudio.Core.Brands;
using ContentStudio.Core.Checks.Analysis;
using ContentStudio.Core.Checks.Claims;

namespace ContentStudio.Core.Checks.Integrity;

/// <summary>What a model (or the offline composer) may invent, checked against what the copy may draw on: social proof and
/// testimonials, outcome promises, and numbers, dates or prices that none of the brief, the guide and the approved claims
/// states (each finding names the sources it is missing from); and, from the text alone, truncated sentences, unfilled or
/// broken slots, and a sentence repeated in the same field. The sourced rules need the brand and the brief; without a
/// brief they are reported "not run".</summary>
public sealed class CopyIntegrityCheck : ITextCheck
{
    public const string SocialProofRule = "integrity.social-proof";
    public const string OutcomeRule = "integrity.outcome-promise";
    public const string FactRule = "integrity.unsourced-fact";
    public const string TruncatedRule = "integrity.truncated";
    public const string SlotRule = "integrity.slot";
    public const string RepeatedRule = "integrity.repeated-sentence";
    private const string Category = CheckCategories.Integrity;

    private readonly CopySources? _sources;

    public CopyIntegrityCheck(Brand? brand)
    {
        _sources = brand is null ? null : new CopySources(brand);
    }

    public IReadOnlyList<string> RuleIds { get; } = [SocialProofRule, OutcomeRule, FactRule, TruncatedRule, SlotRule, RepeatedRule];
    public IReadOnlyList<string> Categories { get; } = [Category];

    public void Run(CheckContext context)
    {
        var brief = context.Content.Brief is { } b && _sources is not null ? CopySources.ForBrief(b) : null;
        if (_sources is not null && brief is null)
            context.NotRun(FactRule, "not run: the brief is unknown, so invented facts, social proof and outcome promises cannot be told from sourced ones.");
        foreach (var field in context.Fields)
        {
            if (field.Text.Length == 0) continue;
            Slots(context, field);
            Truncated(context, field);
            Repeated(context, field);
            if (brief is null) continue;
            Facts(context, field, brief);
            SocialProof(context, field, brief);
            Outcomes(context, field, brief);
        }
    }

    private void Facts(CheckContext context, AnalyzedField field, CopySources.Source brief)
    {
        var sources = new[] { brief, _sources!.Guide, _sources.Claims };
        foreach (var m in IntegrityPatterns.Figure().EnumerateMatches(field.Text))
        {
            if (context.IsFull(FactRule)) return;
            var text = field.Text.Substring(m.Index, m.Length);
            var figure = OfferTerms.Figures(text).FirstOrDefault();
            if (sources.Any(s => s.HasFigure(figure))) continue;
            var shown = Trim(text, figure.Unit);
            context.Add(new Finding(FactRule, Category, Severity.Warning, field.Name, m.Index, shown.Length, shown,
                $"\"{shown}\" is a {(figure.Unit == "$" ? "price" : "figure")} that {Missing(sources)}: the copy may not invent numbers.",
                "use a figure from the brief or the guide, or add this one to the brief"));
        }
        foreach (var m in IntegrityPatterns.DateWord().EnumerateMatches(field.Text))
        {
            if (context.IsFull(FactRule)) return;
            var word = ClaimWording.Key(field.Text.Substring(m.Index, m.Length));
            if (sources.Any(s => s.HasWording(word))) continue;
            context.Add(new Finding(FactRule, Category, Severity.Warning, field.Name, m.Index, m.Length, field.Text.Substring(m.Index, m.Length),
                $"\"{field.Text.Substring(m.Index, m.Length)}\" is a date that {Missing(sources)}: the copy may not invent deadlines.",
                "use the brief's dates, or add this one to the brief"));
        }
    }

    // The figure as shown: the number with its currency or percent sign and a unit word, not a following ordinary word.
    private static string Trim(string text, string unit)
    {
        if (unit.Length > 1 || unit == "%") return text.TrimEnd();
        var end = 0;
        while (end < text.Length && (char.IsDigit(text[end]) || text[end] is '$' or '€' or '£' or ',' or '.' or ' ')) end++;
        return text[..end].TrimEnd(' ', ',', '.');
    }

    private void SocialProof(CheckContext context, AnalyzedField field, CopySources.Source brief)
    {
        if (field.ClaimCandidates is not { } found) return;
        foreach (var (index, length, kind) in found)
        {
            if (kind != "social") continue;
            if (context.IsFull(SocialProofRule)) return;
            var text = field.Text.Substring(index, length);
            var wording = field.Wording.KeyOf(index, index + length);
            if (brief.HasWording(wording) || _sources!.Claims.HasWording(wording) || _sources.Guide.HasWording(wording)) continue;
            context.Add(new Finding(SocialProofRule, Category, Severity.Blocker, field.Name, index, length, text,
                $"\"{text}\" is social proof or a testimonial that {Missing([brief, _sources.Guide, _sources.Claims])}: the copy may not invent customers or quotes.",
                "remove it, or add the evidence to the brand's approved claims"));
        }
    }

    private void Outcomes(CheckContext context, AnalyzedField field, CopySources.Source brief)
    {
        foreach (var m in IntegrityPatterns.Outcome().EnumerateMatches(field.Text))
        {
            if (context.IsFull(OutcomeRule)) return;
            var sentence = ClaimsCheck.SentenceAt(field.Sentences, m.Index);
            if (ClaimPatterns.Negated(field.Text, sentence.Start, m.Index)) continue;
            // A sentence the brief, the guide (its disclaimers) or a claim states as it is.
            var stated = field.Wording.KeyOf(sentence.Start, sentence.End);
            if (brief.HasWording(stated) || _sources!.Guide.HasWording(stated) || _sources.Claims.HasWording(stated)) continue;
            // What is promised: the rest of the sentence after the promise word.
            var promised = OfferTerms.ContentWords(field.Text[(m.Index + m.Length)..sentence.End]);
            if (promised.Count > 0 && promised.Count(w => brief.Words.Contains(w) || _sources!.Claims.Words.Contains(w)) * 10 >= promised.Count * 6) continue;
            var text = field.Text.Substring(m.Index, m.Length);
            context.Add(new Finding(OutcomeRule, Category, Severity.Warning, field.Name, m.Index, m.Length, text,
                $"\"{text}\" promises an outcome that {Missing([brief, _sources!.Claims])}.",
                "describe what the product does, as the brief says it, or add the outcome with evidence to the approved claims"));
        }
    }

    private static void Slots(CheckContext context, AnalyzedField field)
    {
        foreach (var m in IntegrityPatterns.Slot().EnumerateMatches(field.Text))
        {
            if (context.IsFull(SlotRule)) return;
            if (Safety.LeakageCheck.IsPlaceholderAt(field.Text, m.Index, m.Length)) continue; // already a leakage.placeholder
            var text = field.Text.Substring(m.Index, m.Length);
            context.Add(new Finding(SlotRule, Category, Severity.Blocker, field.Name, m.Index, m.Length, text,
                $"\"{text}\" is an unfilled or broken template slot.", "fill the slot or rewrite the sentence without it"));
        }
    }

    private static void Truncated(CheckContext context, AnalyzedField field)
    {
        var next = 0;
        foreach (var s in field.Sentences)
        {
            if (context.IsFull(TruncatedRule)) return;
            if (IsCut(field, s, ref next) is not { } last) continue;
            var text = field.Text[s.Start..s.End];
            context.Add(new Finding(TruncatedRule, Category, Severity.Blocker, field.Name, s.Start, s.Length, text,
                $"The sentence stops after \"{last}\": it is incomplete or was cut off.", "finish the sentence or remove it"));
        }
        var open = Count(field.Text, '(') - Count(field.Text, ')');
        if (open > 0)
        {
            var at = field.Text.LastIndexOf('(');
            context.Add(new Finding(TruncatedRule, Category, Severity.Blocker, field.Name, at, 1, "(",
                "A bracket is opened and never closed: the copy was cut off or a slot broke it.", "close the bracket or remove it"));
        }
    }

    // Words a finished English sentence does not end on.
    private static readonly HashSet<string> NeverLast = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "and", "or", "but", "nor", "of", "to", "into", "onto", "by", "as", "than",
        "if", "because", "while", "whose", "your", "our", "their", "my", "its", "these", "those", "very", "such", "every", "each",
        "who", "is", "are", "was", "were", "the", "via", "per", "including", "plus", "whether", "although", "unless",
    };

    // Verbs that need an object: "to get." and "can make." are cut off ("what you get." is not).
    private static readonly HashSet<string> NeedsObject = new(StringComparer.OrdinalIgnoreCase)
    {
        "get", "give", "make", "bring", "take", "find", "offer", "provide", "use", "keep", "enjoy", "discover", "explore", "build",
        "grow", "save", "earn", "choose", "add", "bring", "create", "put", "send", "let", "help",
    };

    private static readonly HashSet<string> Governs = new(StringComparer.OrdinalIgnoreCase)
    { "to", "can", "will", "may", "could", "would", "should", "must", "and", "lets", "helps" };

    private static readonly HashSet<string> Subjects = new(StringComparer.OrdinalIgnoreCase) { "i", "you", "we", "they", "he", "she", "it" };

    private static readonly HashSet<string> Subordinators = new(StringComparer.OrdinalIgnoreCase)
    { "when", "if", "because", "while", "once", "until", "before", "after", "since", "unless", "whenever", "so", "that", "and", "but", "or" };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NeverLastLookup = NeverLast.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NeedsObjectLookup = NeedsObject.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> GovernsLookup = Governs.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SubjectsLookup = Subjects.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SubordinatorsLookup = Subordinators.GetAlternateLookup<ReadOnlySpan<char>>();

    // Words are walked once for all sentences: next is the first word not yet passed.
    private static string? IsCut(AnalyzedField field, SentenceSpan s, ref int next)
    {
        Word? last = null, before = null;
        var words = field.Words;
        while (next < words.Length && words[next].Start < s.Start) next++;
        while (next < words.Length && words[next].End <= s.End)
        {
            before = last;
            last = words[next++];
        }
        if (last is not { } l) return null;
        var word = field.Span(l);
        if (NeverLastLookup.Contains(word)) return word.ToString();
        if (before is not { } b) return null;
        var previous = field.Span(b);
        if (NeedsObjectLookup.Contains(word) && GovernsLookup.Contains(previous)) return word.ToString();
        // "when you." / "because we.": a clause opened and left without its verb.
        if (SubjectsLookup.Contains(word) && SubordinatorsLookup.Contains(previous)) return word.ToString();
        return null;
    }

    private static void Repeated(CheckContext context, AnalyzedField field)
    {
        if (field.Sentences.Length < 2) return;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in field.Sentences)
        {
            var key = field.Wording.KeyOf(s.Start, s.End).TrimEnd('.', '!', '?', ' ');
            if (key.IndexOf(' ') < 0) continue; // one-word sentences ("Yes.") may repeat
            if (seen.Add(key)) continue;
            var text = field.Text[s.Start..s.End];
            context.Add(new Finding(RepeatedRule, Category, Severity.Warning, field.Name, s.Start, s.Length, text,
                "This sentence already appears earlier in the same field.", "remove the repetition"));
            if (context.IsFull(RepeatedRule)) return;
        }
    }

    private static string Missing(IEnumerable<CopySources.Source> sources)
    {
        var names = sources.Select(s => s.Name).ToList();
        return "is not in " + (names.Count == 1 ? names[0] : string.Join(", ", names[..^1]) + " or " + names[^1]);
    }

    private static int Count(string text, char c)
    {
        var n = 0;
        foreach (var ch in text) if (ch == c) n++;
        return n;
    }
}
