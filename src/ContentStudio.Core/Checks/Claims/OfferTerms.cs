using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ContentStudio.Core.Campaigns;

namespace ContentStudio.Core.Checks.Claims;

/// <summary>The brief's offer as the claims check compares it: its numbers (thousands separators read as such, so
/// "$1,500" is 1500, never 1.5) and its words. A price or discount in the copy is the offer when every number in it is one
/// of the offer's; a "free …" is the offer when the offer is free too and the sentence repeats most of its words.
/// Built once per brief object (a campaign's variants share it).</summary>
public sealed partial class OfferTerms
{
    private static readonly ConditionalWeakTable<CampaignBrief, OfferTerms> Cache = new();
    private readonly HashSet<(decimal, string)> _numbers;
    private readonly HashSet<string> _words;
    private readonly bool _free;

    private OfferTerms(string offer)
    {
        _numbers = [.. Figures(offer)];
        _words = ContentWords(offer);
        _free = _words.Contains("free");
        _words.Remove("free");
    }

    public static OfferTerms? For(CampaignBrief? brief) =>
        brief is null || string.IsNullOrWhiteSpace(brief.Offer) ? null : Cache.GetValue(brief, b => new OfferTerms(b.Offer));

    [GeneratedRegex(@"([$€£])?\s?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?(%|percent)|[\s-]*([\p{L}]+))?")]
    private static partial Regex Figure();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    /// <summary>The figures of a text with what they count: "$1,500" → (1500, "$"), "15%" → (15, "%"), "90 days" →
    /// (90, "day"), "April 30" → (30, "").</summary>
    public static IEnumerable<(decimal Value, string Unit)> Figures(string text)
    {
        foreach (Match m in Figure().Matches(text))
        {
            if (!decimal.TryParse(m.Groups[2].Value.Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var n)) continue;
            var unit = m.Groups[1].Success ? "$" : m.Groups[3].Success ? "%" : m.Groups[4].Success ? Unit(m.Groups[4].Value) : "";
            yield return (n, unit);
        }
    }

    private static readonly HashSet<string> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        "second", "minute", "hour", "day", "week", "month", "year", "mile", "km", "kg", "g", "lb", "oz", "times", "x", "mm", "cm", "ft",
    };

    private static string Unit(string word)
    {
        var w = word.ToLowerInvariant();
        var singular = w.Length > 2 && w.EndsWith('s') && w != "times" ? w[..^1] : w;
        return Units.Contains(singular) ? singular : "";
    }

    private static readonly HashSet<string> Stop = new(StringComparer.OrdinalIgnoreCase)
    { "the", "a", "an", "of", "to", "and", "or", "in", "on", "for", "our", "your", "is", "are", "by", "with", "at", "you", "any", "all", "get", "off" };
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopLookup = Stop.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The lower-cased words of a text, without stop words and numbers. Value matches and a span lookup: the
    /// claims check calls this for every unapproved claim it explains, so it allocates only the words it keeps.</summary>
    internal static HashSet<string> ContentWords(string text)
    {
        var lower = text.ToLowerInvariant();
        var words = new HashSet<string>(StringComparer.Ordinal);
        var kept = words.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var m in Word().EnumerateMatches(lower))
        {
            var word = lower.AsSpan(m.Index, m.Length);
            if (char.IsDigit(word[0]) || StopLookup.Contains(word)) continue;
            kept.Add(word);
        }
        return words;
    }

    /// <summary>True when <paramref name="match"/> (a price, discount or figure in <paramref name="sentence"/>) is the offer.</summary>
    public bool Covers(string match, string sentence)
    {
        var any = false;
        foreach (var figure in Figures(match))
        {
            any = true;
            if (!_numbers.Contains(figure)) return false;
        }
        if (any) return true;
        // A discount without a figure ("half price", "buy one get one") is the offer when the offer says it in its own
        // words ("First bag half price"): every content word of the match is one of the offer's.
        var said = ContentWords(match);
        if (said.Count > 0 && said.All(_words.Contains)) return true;
        if (!_free || _words.Count == 0) return false;
        var shared = ContentWords(sentence).Count(_words.Contains);
        return shared * 2 >= _words.Count;
    }
}
