using System.Text.RegularExpressions;
using ContentStudio.Core.Brands;
using ContentStudio.Core.Checks.Analysis;

namespace ContentStudio.Core.Checks.Claims;

/// <summary>Every claim in the copy must be one the brand has approved with evidence; an unapproved claim is a blocker.
/// A claim is a sentence part that asserts a measurable or comparative fact about the product or the customer's outcome
/// (see <see cref="ClaimPatterns"/> and the brand's <c>claim_triggers</c>). It is approved when an approved claim's whole
/// wording covers it, for a product the claim is scoped to (<see cref="ApprovedClaimBook"/>); a price or discount is
/// not a claim when it is exactly the brief's offer (<see cref="OfferTerms"/>); the brand's required disclaimers are not
/// claims. Approved claims the copy states are reported with their evidence.</summary>
public sealed class ClaimsCheck : ITextCheck
{
    public const string RuleId = "claims.unapproved";
    private readonly Brand _brand;
    private readonly ApprovedClaimBook _book;
    private readonly Regex? _triggers;
    private readonly string[] _boilerplate;
    // First words of the approved wordings: a field with none of them states no approved claim (and none out of scope).
    private readonly WordTriggers _wordingStarts;
    // Each approved claim's content words, read once per brand (Closest compares them with every unapproved sentence).
    private readonly HashSet<string>[] _entryWords;

    public ClaimsCheck(Brand brand)
    {
        _brand = brand;
        _book = new ApprovedClaimBook(brand);
        _triggers = ClaimPatterns.Triggers(brand.ClaimTriggers);
        _boilerplate = [.. brand.Disclaimers.Values.Append(brand.SmsOptOut).Select(ClaimWording.Key).Where(k => k.Length > 0).Distinct()];
        var starts = _book.Entries.SelectMany(e => e.Wordings).Select(FirstWord).Where(w => w.Length > 0).ToList();
        _wordingStarts = new WordTriggers(starts, digits: starts.Any(w => char.IsDigit(w[0])));
        _entryWords = [.. _book.Entries.Select(e => OfferTerms.ContentWords(e.Claim.Text))];
    }

    public IReadOnlyList<string> RuleIds { get; } = [RuleId];
    public IReadOnlyList<string> Categories { get; } = [CheckCategories.Claims];

    public void Run(CheckContext context)
    {
        var offer = OfferTerms.For(context.Content.Brief);
        foreach (var field in context.Fields)
        {
            var matches = Candidates(field);
            if (matches is null && !_wordingStarts.Fires(field)) continue;
            var wording = field.Wording;
            var covered = Covered(context, field, wording);
            if (matches is null) continue;
            var sentences = field.Sentences;
            List<(int Start, int End)>? idioms = null;
            foreach (var (index, length, kind) in matches)
            {
                if (context.IsFull(RuleId)) return;
                if (Inside(covered, index, index + length)) continue;
                var sentence = SentenceAt(sentences, index);
                idioms ??= Idioms(field.Text);
                if (Overlaps(idioms, index, index + length)) continue;
                if (ClaimPatterns.Negatable(kind) && ClaimPatterns.Negated(field.Text, sentence.Start, index)) continue;
                var text = field.Text.Substring(index, length);
                var sentenceText = field.Text[sentence.Start..sentence.End];
                if (kind is "price" or "num" or "rate" && offer is not null && offer.Covers(text, sentenceText)) continue;
                if (kind is "price" or "num" && ClaimPatterns.AccountData().IsMatch(field.Text.AsSpan(sentence.Start, index - sentence.Start))) continue;
                var (message, suggestion) = Explain(text, kind, sentenceText);
                context.Add(new Finding(RuleId, CheckCategories.Claims, Severity.Blocker, field.Name, index, length, text, message, suggestion));
            }
        }
    }

    private IReadOnlyList<(int Index, int Length, string Kind)>? Candidates(AnalyzedField field)
    {
        var builtIn = field.ClaimCandidates;
        if (_triggers is null) return builtIn;
        // The built-in candidates are shared with the integrity check: add the brand's triggers to a copy.
        List<(int Index, int Length, string Kind)>? found = builtIn is null ? null : [.. builtIn];
        foreach (var m in _triggers.EnumerateMatches(field.Text))
            (found ??= []).Add((m.Index, m.Length, "trigger"));
        return found;
    }

    // Approved wordings (scope permitting) and the brand's own disclaimers: claim words inside them are fine.
    private List<(int Start, int End)> Covered(CheckContext context, AnalyzedField field, ClaimWording wording)
    {
        var covered = new List<(int, int)>();
        foreach (var key in _boilerplate)
            covered.AddRange(wording.Find(key));
        foreach (var entry in _book.Entries)
        {
            foreach (var key in entry.Wordings)
            {
                foreach (var (start, end) in wording.Find(key))
                {
                    if (Inside(covered, start, end)) continue;
                    covered.Add((start, end));
                    if (InScope(context, field, wording, entry, start))
                        context.AddEvidence(new ClaimEvidence(field.Name, start, end - start, entry.Claim.Text, entry.Claim.Evidence));
                    else
                        context.Add(new Finding(RuleId, CheckCategories.Claims, Severity.Blocker, field.Name, start, end - start,
                            field.Text[start..end],
                            $"\"{field.Text[start..end]}\" is approved for {string.Join(", ", entry.Scope)} only, not for the product this sentence is about.",
                            $"keep the claim to {string.Join(", ", entry.Scope)} (evidence: {entry.Claim.Evidence})"));
                }
            }
        }
        return covered;
    }

    // A scoped claim holds when its sentence names one of its products, or names no product of the brand and the
    // campaign (or, without a brief, the item) is about one of them.
    private bool InScope(CheckContext context, AnalyzedField field, ClaimWording wording, ApprovedClaimBook.Entry entry, int at)
    {
        if (entry.Scope.Length == 0) return true;
        var sentence = SentenceAt(field.Sentences, at);
        var named = _book.ProductsNamedIn(wording, sentence.Start, sentence.End).ToList();
        if (named.Count > 0) return named.Any(p => _book.InScope(p, entry.Scope));
        if (context.Content.Brief is { Product.Length: > 0 } brief) return _book.InScope(brief.Product, entry.Scope);
        var inItem = context.Fields.SelectMany(f => _book.ProductsNamedIn(f.Wording, 0, f.Text.Length)).ToList();
        return inItem.Count == 0 || inItem.Any(p => _book.InScope(p, entry.Scope));
    }

    private (string Message, string Suggestion) Explain(string text, string kind, string sentence)
    {
        var what = kind switch
        {
            "social" => "social proof or a testimonial",
            "price" => "a price or discount that is not the brief's offer",
            "rate" => "a rate or fee claim",
            "cmp" => "a comparison",
            "sup" => "a superlative",
            "rank" => "a ranking or award",
            "num" => "a measurable figure",
            "grt" => "a guarantee",
            "proof" => "a proof or testing claim",
            "env" => "an environmental claim",
            "out" => "an outcome claim",
            _ => $"a claim ({_brand.Name} lists it as a claim trigger)",
        };
        var closest = Closest(sentence);
        var suggestion = closest is null
            ? "remove the claim or add it, with evidence, to the brand guide"
            : $"use the approved wording \"{closest.Claim.Text}\" (evidence: {closest.Claim.Evidence})"
              + (closest.Scope.Length > 0 ? $", approved for {string.Join(", ", closest.Scope)} only" : "");
        return ($"\"{text}\" is {what}, and no approved claim of {_brand.Name} states it in this sentence; claims need evidence on file.", suggestion);
    }

    // The approved claim sharing the most content words with the sentence (at least two), if any.
    private ApprovedClaimBook.Entry? Closest(string sentence)
    {
        if (_book.Entries.Count == 0) return null;
        var words = OfferTerms.ContentWords(sentence);
        ApprovedClaimBook.Entry? best = null;
        var bestShared = 1;
        for (var e = 0; e < _entryWords.Length; e++)
        {
            var shared = _entryWords[e].Count(words.Contains);
            if (shared > bestShared) { best = _book.Entries[e]; bestShared = shared; }
        }
        return best;
    }

    private static string FirstWord(string key)
    {
        var end = 0;
        while (end < key.Length && char.IsLetterOrDigit(key[end])) end++;
        return key[..end];
    }

    private static List<(int Start, int End)> Idioms(string text)
    {
        var list = new List<(int, int)>();
        foreach (var m in ClaimPatterns.Idiom().EnumerateMatches(text)) list.Add((m.Index, m.Index + m.Length));
        return list;
    }

    internal static SentenceSpan SentenceAt(SentenceSpan[] sentences, int index)
    {
        foreach (var s in sentences)
            if (index < s.End) return s;
        return sentences.Length > 0 ? sentences[^1] : new SentenceSpan(0, 0);
    }

    private static bool Inside(List<(int Start, int End)> ranges, int start, int end)
    {
        foreach (var (s, e) in ranges)
            if (start >= s && end <= e) return true;
        return false;
    }

    private static bool Overlaps(List<(int Start, int End)> ranges, int start, int end)
    {
        foreach (var (s, e) in ranges)
            if (start < e && end > s) return true;
        return false;
    }

    /// <summary>Text normalised for loose comparison (the disclaimer check): lower case, words only.</summary>
    internal static string Normalize(string s) =>
        string.Join(' ', s.ToLowerInvariant().Replace('-', ' ').Split([' ', '\t', '\n', ',', ';', ':', '.', '!', '?', '"'], StringSplitOptions.RemoveEmptyEntries));
}
