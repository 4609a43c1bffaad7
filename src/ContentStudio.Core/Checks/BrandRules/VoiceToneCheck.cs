using System.Globalization;
using ContentStudio.Core.Brands;
using ContentStudio.Core.Checks.Analysis;

namespace ContentStudio.Core.Checks.BrandRules;

/// <summary>The brand's voice policy: hype words, superlatives, exclamation marks, ALL CAPS and emoji.</summary>
public sealed class VoiceToneCheck : ITextCheck
{
    public const string HypeRule = "brand.voice.hype";
    public const string SuperlativeRule = "brand.voice.superlative";
    public const string ExclamationRule = "brand.voice.exclamation";
    public const string CapsRule = "brand.voice.all-caps";
    public const string EmojiRule = "brand.voice.emoji";

    /// <summary>Used when the guide lists no hype words of its own.</summary>
    internal static readonly string[] DefaultHype =
    [
        "amazing", "incredible", "revolutionary", "game-changing", "game changer", "mind-blowing", "insane",
        "epic", "jaw-dropping", "unbelievable", "groundbreaking", "cutting-edge", "next-level", "life-changing",
        "magical", "killer", "disruptive", "world-class", "best-in-class", "supercharge",
    ];
    internal static readonly string[] Superlatives =
    [
        "best", "greatest", "ultimate", "unbeatable", "unmatched", "unrivalled", "unrivaled", "perfect",
        "finest", "fastest", "cheapest", "lowest", "biggest", "strongest", "smartest", "most advanced", "most powerful",
    ];

    private readonly StylePolicy _style;
    private readonly PhraseMatcher<string> _matcher;
    private readonly HashSet<string> _productWords;

    public VoiceToneCheck(Brand brand)
    {
        _style = brand.Style;
        var preferred = new HashSet<string>(brand.PreferredTerms, StringComparer.OrdinalIgnoreCase);
        var hype = (brand.Style.HypeWords.Count > 0 ? brand.Style.HypeWords : DefaultHype).Where(h => !preferred.Contains(h));
        _matcher = new PhraseMatcher<string>(
            hype.SelectMany(h => PhraseMatcher<string>.Expand(h.Trim().ToLowerInvariant(), WordClass.Adjective, false).Select(w => new PhraseVariant<string>(w, HypeRule)))
            .Concat(Superlatives.Select(s => new PhraseVariant<string>(s.Split(' '), SuperlativeRule))));
        _productWords = new(brand.ProductNames.SelectMany(p => p.Split(' ', '-')), StringComparer.Ordinal);
    }

    public IReadOnlyList<string> RuleIds { get; } = [HypeRule, SuperlativeRule, ExclamationRule, CapsRule, EmojiRule];
    public IReadOnlyList<string> Categories { get; } = [CheckCategories.Voice];

    public void Run(CheckContext context)
    {
        var matches = new List<PhraseMatch<string>>();
        var exclamations = 0;
        foreach (var field in context.Fields)
        {
            matches.Clear();
            _matcher.Scan(field, matches, static (f, m) => m.Payload != SuperlativeRule || !IsPhrase(f, m));
            foreach (var m in matches)
            {
                var text = field.Text.Substring(m.Start, m.Length);
                context.Add(m.Payload == HypeRule
                    ? new Finding(HypeRule, CheckCategories.Voice, Severity.Warning, field.Name, m.Start, m.Length, text,
                        $"\"{text}\" is hype the brand voice avoids; say what the product does instead.", "a concrete benefit")
                    : new Finding(SuperlativeRule, CheckCategories.Voice, Severity.Info, field.Name, m.Start, m.Length, text,
                        $"\"{text}\" is a superlative: it needs proof or softer wording.", "a specific, provable statement"));
            }
            ExclamationsAndEmoji(context, field, ref exclamations, EmojiAllowed(context));
            if (!_style.AllCapsAllowed) AllCaps(context, field);
        }
    }

    // "best wishes", "best regards", "best before" are formulas, not superlatives.
    private static bool IsPhrase(AnalyzedField f, PhraseMatch<string> m) =>
        m.LastWord + 1 < f.Words.Length && f.Span(f.Words[m.LastWord + 1]) is "wishes" or "regards" or "before";

    private bool EmojiAllowed(CheckContext context) =>
        _style.EmojiAllowed || (context.Channel is { } channel && _style.EmojiChannels.Contains(channel.Key));

    private void ExclamationsAndEmoji(CheckContext context, AnalyzedField field, ref int exclamations, bool emojiAllowed)
    {
        var text = field.Text;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '!' && ++exclamations > _style.MaxExclamations)
                context.Add(new Finding(ExclamationRule, CheckCategories.Voice, Severity.Warning, field.Name, i, 1, "!",
                    $"More exclamation marks than the brand allows ({_style.MaxExclamations} per item).", "."));
            else if (!emojiAllowed && IsEmojiAt(text, i, out var len))
            {
                context.Add(new Finding(EmojiRule, CheckCategories.Voice, Severity.Warning, field.Name, i, len, text.Substring(i, len),
                    "The brand guide does not allow emoji.", "remove the emoji"));
                i += len - 1;
            }
        }
    }

    private void AllCaps(CheckContext context, AnalyzedField field)
    {
        foreach (var w in field.Words)
        {
            // Shorter than the brand's minimum (by default acronyms of up to 4 letters: FAQ, NASA, SMS) is fine; so are the
            // brand's listed capitals (FDIC, XL, a hyphenated code) and product names written in capitals.
            if (!w.AllCaps || Letters(field.Span(w)) < _style.AllCapsMinLength) continue;
            var text = field.Text.Substring(w.Start, w.Length);
            if (_productWords.Contains(text) || text is "STOP" || _style.AllCapsAllowlist.Contains(text) || InAllowedCode(field, w)) continue;
            context.Add(new Finding(CapsRule, CheckCategories.Voice, Severity.Warning, field.Name, w.Start, w.Length, text,
                "Words in capitals read as shouting; the brand guide does not allow ALL CAPS.",
                CultureInfo.InvariantCulture.TextInfo.ToTitleCase(text.ToLowerInvariant())));
        }
    }

    private static int Letters(ReadOnlySpan<char> word)
    {
        var n = 0;
        foreach (var c in word) if (char.IsLetter(c)) n++;
        return n;
    }

    // A word inside an allowlisted hyphenated or slashed code ("SKU-XL20", "FDIC-INSURED"): the whole token is listed.
    private bool InAllowedCode(AnalyzedField field, Word w)
    {
        if (_style.AllCapsAllowlist.Count == 0) return false;
        var text = field.Text;
        int from = w.Start, to = w.End;
        while (from > 0 && (char.IsLetterOrDigit(text[from - 1]) || text[from - 1] is '-' or '/')) from--;
        while (to < text.Length && (char.IsLetterOrDigit(text[to]) || text[to] is '-' or '/')) to++;
        return (from != w.Start || to != w.End) && _style.AllCapsAllowlist.Contains(text[from..to]);
    }

    internal static bool IsEmojiAt(string text, int i, out int length) => Emoji.IsEmojiAt(text, i, out length);
}
