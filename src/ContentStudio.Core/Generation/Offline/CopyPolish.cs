using System.Text;
using System.Text.RegularExpressions;
using ContentStudio.Core.Brands;
using ContentStudio.Core.Llm;

namespace ContentStudio.Core.Generation.Offline;

/// <summary>Applies the brand's word rules to every sentence before it is fitted into a field:
/// deprecated terms are replaced, a sentence holding a banned term, hype word or competitor is dropped
/// (rewording around a banned word breaks grammar), numbers the brief does not state are removed,
/// shouting capitals are softened and emoji go when the brand does not use them.</summary>
internal sealed partial class CopyPolish
{
    private readonly List<(Regex Pattern, string Replacement)> _deprecated;
    private readonly List<Regex> _forbidden;
    private readonly HashSet<string> _allowedNumbers;
    private readonly HashSet<string> _protectedWords;
    private readonly Brand _brand;

    /// <summary>A brand's word patterns, built once per brand object (a brand is immutable once loaded): building
    /// them for every variant was most of the composer's time.</summary>
    private sealed record BrandPatterns(List<(Regex Pattern, string Replacement)> Deprecated, List<Regex> Forbidden);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Brand, BrandPatterns> Patterns = new();

    private static BrandPatterns Build(Brand brand)
    {
        var deprecated = new List<(Regex, string)>();
        var forbidden = new List<Regex>();
        foreach (var rule in brand.DeprecatedTerms.Where(r => !string.IsNullOrWhiteSpace(r.Term)))
        {
            if (string.IsNullOrWhiteSpace(rule.Replacement)) forbidden.Add(WordPattern(rule.Term, inflected: true));
            else deprecated.Add((WordPattern(rule.Term, inflected: false), rule.Replacement.Trim()));
        }
        var never = brand.BannedTerms.Select(r => r.Term).Concat(brand.Style.HypeWords).Concat(brand.Competitors);
        foreach (var term in never.Where(t => !string.IsNullOrWhiteSpace(t)))
            forbidden.Add(WordPattern(term, inflected: true));
        return new BrandPatterns(deprecated, forbidden);
    }

    public CopyPolish(Brand brand, IEnumerable<string> factSources)
    {
        _brand = brand;
        var patterns = Patterns.GetValue(brand, Build);
        (_deprecated, _forbidden) = (patterns.Deprecated, patterns.Forbidden);

        var sources = factSources.Where(s => !string.IsNullOrEmpty(s)).ToList();
        _allowedNumbers = sources.SelectMany(s => NumberPattern().Matches(s).Select(m => m.Value)).ToHashSet();
        // Names keep their capitals even when they look like shouting ("NORTHBANK ONE").
        _protectedWords = brand.ProductNames.Append(brand.Name)
            .SelectMany(n => n.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The sentence made fit for the brand, or null when it has to go.</summary>
    public string? Sentence(string? sentence)
    {
        if (string.IsNullOrWhiteSpace(sentence)) return null;
        var text = ReplaceDeprecated(sentence);
        if (_forbidden.Any(p => p.IsMatch(text))) return null;
        text = ScrubNumbers(text);
        if (!_brand.Style.AllCapsAllowed) text = SoftenCaps(text);
        if (!_brand.Style.EmojiAllowed) text = StripEmoji(text);
        text = Spaces().Replace(text, " ").Trim();
        text = SpaceBeforePunctuation().Replace(text, "$1");
        return text.Length == 0 || !text.Any(char.IsLetter) ? null : text;
    }

    /// <summary>True when the text breaks none of the brand's word rules (used on fragments such as
    /// interests and pain points before they are woven into sentences).</summary>
    public bool IsClean(string text) =>
        !_forbidden.Any(p => p.IsMatch(text)) && !_deprecated.Any(d => d.Pattern.IsMatch(text)) &&
        NumberPattern().Matches(text).All(m => _allowedNumbers.Contains(m.Value));

    public string ReplaceDeprecated(string text)
    {
        foreach (var (pattern, replacement) in _deprecated)
            text = pattern.Replace(text, m => MatchCase(m.Groups["w"].Value, replacement) + m.Groups["s"].Value);
        return text;
    }

    /// <summary>Keeps at most <paramref name="allowed"/> exclamation marks over all fields, in field order.</summary>
    public static IReadOnlyList<string> LimitExclamations(IReadOnlyList<string> fields, int allowed)
    {
        var left = Math.Max(0, allowed);
        return fields.Select(f =>
        {
            var sb = new StringBuilder(f);
            for (var i = 0; i < sb.Length; i++)
                if (sb[i] == '!' && left-- <= 0) sb[i] = '.';
            return sb.ToString();
        }).ToList();
    }

    public static string StripEmoji(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            // Pictographs, dingbats and their joiners; not ©, ® or ™, which belong to product names.
            var isEmoji = rune.Value >= 0x1F000 || rune.Value is 0xFE0F or 0x200D or 0x20E3
                or (>= 0x2300 and <= 0x23FF) or (>= 0x2600 and <= 0x27BF) or (>= 0x2B00 and <= 0x2BFF);
            if (!isEmoji) sb.Append(rune.ToString());
        }
        return sb.ToString();
    }

    /// <summary>SMS text in the GSM-7 alphabet only: typographic marks become their plain forms, anything
    /// else outside the alphabet is dropped (one such character would switch the whole message to UCS-2).</summary>
    public static string ToGsm7(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var plain = c switch
            {
                '‘' or '’' or '‚' or '′' => "'",
                '“' or '”' or '„' or '″' => "\"",
                '–' or '—' or '‑' or '−' => "-",
                '…' => "...",
                '\u00A0' or '\u2009' or '\u202F' or '\t' => " ",
                '•' or '·' => "-",
                _ => Channels.SmsSegmentCounter.IsGsm7(c) ? c.ToString() : "",
            };
            sb.Append(plain);
        }
        return Spaces().Replace(sb.ToString(), " ").Trim();
    }

    private string ScrubNumbers(string text) =>
        // A token carrying a number the brief never gave is removed whole ("3x", "24/7").
        Token().Replace(text, m =>
            NumberPattern().Matches(m.Value).All(n => _allowedNumbers.Contains(n.Value)) ? m.Value : "");

    private string SoftenCaps(string text) =>
        CapsWord().Replace(text, m => _protectedWords.Contains(m.Value)
            ? m.Value
            : m.Value[0] + m.Value[1..].ToLowerInvariant());

    private static string MatchCase(string original, string replacement) =>
        original.Length > 0 && char.IsUpper(original[0]) && replacement.Length > 0
            ? char.ToUpperInvariant(replacement[0]) + replacement[1..]
            : replacement;

    private static Regex WordPattern(string term, bool inflected)
    {
        var suffix = inflected ? "(?<s>s|es|ed|d|ing|er|est)?" : "(?<s>s|es)?";
        return new Regex($@"(?<![\p{{L}}\p{{N}}])(?<w>{Regex.Escape(term.Trim())}){suffix}(?![\p{{L}}\p{{N}}])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    [GeneratedRegex(@"\d+(?:[.,]\d+)*")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"\S*\d\S*")]
    private static partial Regex Token();

    [GeneratedRegex(@"\b\p{Lu}{5,}\b")]
    private static partial Regex CapsWord();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\s+([,.;:!?])")]
    private static partial Regex SpaceBeforePunctuation();
}
