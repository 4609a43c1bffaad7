using System.Text.RegularExpressions;
using ContentStudio.Core.Brands;

namespace ContentStudio.Core.Checks.Claims;

/// <summary>Claim-like phrases (guarantees, rankings, "clinically proven", statistics) must match a claim the
/// brand has approved with evidence; an unapproved claim is a blocker. A phrase counts as approved when an
/// approved claim contains it and the sentence around it repeats most of that claim's words.</summary>
public sealed partial class ClaimsCheck(Brand brand) : ITextCheck
{
    public const string RuleId = "claims.unapproved";
    private readonly (string Text, HashSet<string> Words)[] _approved =
        [.. brand.Claims.Select(c => (Normalize(c.Text), ContentWords(c.Text)))];

    public IReadOnlyList<string> RuleIds { get; } = [RuleId];
    public IReadOnlyList<string> Categories { get; } = [CheckCategories.Claims];

    [GeneratedRegex(@"(?<![\w#])(?:guarantee[ds]?|#\s?1|no\.\s?1|number one|best(?:[- ]selling|[- ]sellers?|[- ]rated)?|risk[- ]free|(?:clinically|scientifically|independently|lab)[- ](?:proven|tested)|proven(?: to)?|doctor[- ]recommended|dermatologist[- ](?:tested|approved|recommended)|award[- ]winning|lowest (?:price|prices|rates?|fees?)|cheapest|fastest|most (?:trusted|popular|reliable)|100\s?%|\d+(?:\.\d+)?\s?%|\d+(?:\.\d+)?\s?x (?:faster|more|better)|\d+ times (?:faster|more|better|cheaper)|instant(?:ly)? approv\w*|no credit check|cures?|miracle)(?!\w)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClaimLike();

    // Offers are not claims: "20% off", "save 15%", "up to 30% off", "10% discount", "0% APR" is a price term
    // the disclaimer covers.
    [GeneratedRegex(@"^\s*(?:off|discount|cashback|back|apr|interest|deposit|of (?:your|the) (?:first|order|price))", RegexOptions.IgnoreCase)]
    private static partial Regex OfferAfter();
    [GeneratedRegex(@"(?:save|saving|up to|extra|get|take)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex OfferBefore();

    // Every alternative of the regex starts with one of these words, '#' or a digit.
    private static readonly Analysis.WordTriggers Triggers = new(
        ["guarantee", "guaranteed", "guarantees", "number", "no", "best", "risk", "clinically", "scientifically", "independently",
         "lab", "proven", "doctor", "dermatologist", "award", "lowest", "cheapest", "fastest", "most", "instant", "instantly",
         "cures", "cure", "miracle", "bestselling", "bestseller", "bestsellers"], "#", digits: true);

    public void Run(CheckContext context)
    {
        foreach (var field in context.Fields)
        {
            if (!Triggers.Fires(field)) continue;
            foreach (Match m in ClaimLike().Matches(field.Text))
            {
                var text = field.Text;
                if (char.IsDigit(m.Value[0]) && m.Value.Contains('%') && IsOffer(text, m)) continue;
                if (m.Value.StartsWith("best", StringComparison.OrdinalIgnoreCase) && IsFormula(text, m)) continue;
                if (IsApproved(text, m)) continue;
                context.Add(new Finding(RuleId, CheckCategories.Claims, Severity.Blocker, field.Name, m.Index, m.Length, m.Value,
                    $"\"{m.Value}\" is a claim, and no approved claim of {brand.Name} backs it; claims need evidence on file.",
                    Suggest(m.Value)));
            }
        }
    }

    private static bool IsOffer(string text, Match m) =>
        OfferAfter().IsMatch(text.AsSpan(m.Index + m.Length)) || OfferBefore().IsMatch(text.AsSpan(0, m.Index));

    private static bool IsFormula(string text, Match m)
    {
        var after = text.AsSpan(m.Index + m.Length).TrimStart();
        return after.StartsWith("wishes", StringComparison.OrdinalIgnoreCase) || after.StartsWith("regards", StringComparison.OrdinalIgnoreCase)
            || after.StartsWith("before", StringComparison.OrdinalIgnoreCase) || after.StartsWith("of luck", StringComparison.OrdinalIgnoreCase);
    }

    private bool IsApproved(string text, Match m)
    {
        if (_approved.Length == 0) return false;
        var phrase = Normalize(m.Value);
        var sentence = ContentWords(Sentence(text, m.Index));
        foreach (var (claim, words) in _approved)
        {
            if (!claim.Contains(phrase, StringComparison.Ordinal)) continue;
            var shared = words.Count(sentence.Contains);
            if (words.Count == 0 || shared * 10 >= words.Count * 6) return true;
        }
        return false;
    }

    private string? Suggest(string phrase)
    {
        var p = Normalize(phrase);
        var match = brand.Claims.FirstOrDefault(c => Normalize(c.Text).Contains(p, StringComparison.Ordinal));
        return match is not null ? $"use the approved wording: \"{match.Text}\"" : "remove the claim or add it, with evidence, to the brand guide";
    }

    internal static string Sentence(string text, int index)
    {
        var start = text.LastIndexOfAny(['.', '!', '?', '\n'], Math.Max(0, index - 1)) + 1;
        var end = text.IndexOfAny(['.', '!', '?', '\n'], index);
        return text[start..(end < 0 ? text.Length : end)];
    }

    internal static string Normalize(string s) =>
        string.Join(' ', s.ToLowerInvariant().Replace('-', ' ').Split([' ', '\t', '\n', ',', ';', ':', '.', '!', '?', '"'], StringSplitOptions.RemoveEmptyEntries));

    private static readonly HashSet<string> Stop = ["the", "a", "an", "of", "to", "and", "or", "in", "on", "for", "our", "your", "is", "are", "by", "with", "at"];

    internal static HashSet<string> ContentWords(string s) =>
        [.. Normalize(s).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !Stop.Contains(w))];
}
