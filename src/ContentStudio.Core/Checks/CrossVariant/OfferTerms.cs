using System.Globalization;
using System.Text.RegularExpressions;

namespace ContentStudio.Core.Checks.CrossVariant;

/// <summary>What a sentence promises or charges: an offer (a discount, bonus, cash back, credit, a free period), a
/// price or rate (APR, APY, a fee, a deposit, a monthly price) or a perk (gift wrapping, priority support, a warranty).
/// <see cref="Key"/> says what is compared: offers and perks by what they are and how much; prices by kind, so two
/// segments quoting different APRs differ on the key "apr".</summary>
public sealed record OfferTerm(OfferKind Kind, string Key, string Value, string Text, int Start)
{
    /// <summary>How the term is compared between segments: an offer by key and value, a price by key.</summary>
    public string Identity => Kind == OfferKind.Price ? Key : $"{Key}:{Value}";
}

public enum OfferKind { Offer, Price, Perk }

/// <summary>Finds offer, price and perk terms in copy. Amounts parse thousands separators ("$25,000" is 25000, not
/// 25.00); a number's kind comes from the nearest rate or offer word in its clause ("4.10% APY", "APR of 7.9%",
/// "$35 a month", "save $500", "a $200 bonus"); "no annual fee" is a fee of 0.</summary>
public static partial class OfferTerms
{
    // Currency amounts (with thousands separators), percentages, and written-out "percent".
    [GeneratedRegex(@"(?<cur>CA\$|A\$|US\$|NZ\$|[$£€¥₹])\s?(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?<k>\s?[kK]\b)?|(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?(?<cur>€|£|dollars|euros|pounds)|(?<num>\d+(?:\.\d+)?)\s?(?<pct>%|percent\b|per cent\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Amount();

    // A free period: "3 months free", "first month free", "1 month of coaching free", "free for 14 days", "30-day free trial".
    [GeneratedRegex(@"\b(?:(?<n>\d+|an?|one|two|three|four|six|twelve)[\s-](?<u>day|week|month|year)s?(?:\s(?:of\s)?[a-z]+){0,2}\s(?:free|on us)|(?:first|1st)\s(?<u>day|week|month|year)\s(?:is\s|are\s)?(?:free|on us)|free\sfor\s(?<n>\d+|an?|one|two|three|six|twelve)\s(?<u>day|week|month|year)s?|(?<n>\d+)[\s-](?<u>day|week|month|year)\sfree\strial|first\s(?<n>\d+|two|three|six)\s(?<u>day|week|month|year)s?\s(?:are\s|is\s)?(?:free|on us))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FreePeriod();

    // "no annual fee", "no joining fee", "fee-free", "$0 fee" handled by amounts.
    [GeneratedRegex(@"\b(?:no|zero|without (?:an?|any))\s(?:[a-z]+\s){0,2}(?:fees?|charges?)\b|\bfee[\s-]free\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NoFee();

    [GeneratedRegex(@"\b(?:double|triple|2x|3x|5x|10x)\s(?:reward\s)?points\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PointsMultiplier();

    [GeneratedRegex(@"[\w$£€%'’.,/-]+", RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    /// <summary>Words that give a number its kind. Price words name what is paid or earned; offer words what is given.</summary>
    private static readonly (string Word, OfferKind Kind, string Key)[] Anchors =
    [
        ("apr", OfferKind.Price, "apr"), ("apy", OfferKind.Price, "apy"), ("aer", OfferKind.Price, "apy"), ("interest", OfferKind.Price, "interest"),
        ("rate", OfferKind.Price, "rate"), ("rates", OfferKind.Price, "rate"), ("fee", OfferKind.Price, "fee"), ("fees", OfferKind.Price, "fee"),
        ("deposit", OfferKind.Price, "deposit"), ("down", OfferKind.Price, "upfront"), ("signing", OfferKind.Price, "upfront"),
        ("month", OfferKind.Price, "monthly"), ("monthly", OfferKind.Price, "monthly"), ("mo", OfferKind.Price, "monthly"), ("/mo", OfferKind.Price, "monthly"),
        ("week", OfferKind.Price, "weekly"), ("weekly", OfferKind.Price, "weekly"), ("year", OfferKind.Price, "yearly"), ("annually", OfferKind.Price, "yearly"),
        ("premium", OfferKind.Price, "premium"), ("price", OfferKind.Price, "price"), ("costs", OfferKind.Price, "price"), ("fares", OfferKind.Price, "price"), ("fare", OfferKind.Price, "price"),
        ("payment", OfferKind.Price, "payment"), ("payments", OfferKind.Price, "payment"),
        ("off", OfferKind.Offer, "discount"), ("save", OfferKind.Offer, "discount"), ("saving", OfferKind.Offer, "discount"), ("savings", OfferKind.Offer, "discount"), ("discount", OfferKind.Offer, "discount"),
        ("bonus", OfferKind.Offer, "bonus"), ("cash", OfferKind.Offer, "cashback"), ("cashback", OfferKind.Offer, "cashback"), ("credit", OfferKind.Offer, "credit"),
        ("spend", OfferKind.Offer, "threshold"), ("spending", OfferKind.Offer, "threshold"),
        ("rebate", OfferKind.Offer, "rebate"), ("points", OfferKind.Offer, "points"), ("reward", OfferKind.Offer, "reward"), ("gift", OfferKind.Offer, "gift"), ("voucher", OfferKind.Offer, "voucher"),
    ];

    private static readonly Dictionary<string, (OfferKind Kind, string Key)> AnchorIndex =
        Anchors.ToDictionary(a => a.Word, a => (a.Kind, a.Key), StringComparer.OrdinalIgnoreCase);

    public static List<OfferTerm> Extract(string text, PerkVocabulary perks)
    {
        var terms = new List<OfferTerm>();
        var taken = new List<(int Start, int End)>();
        foreach (Match m in FreePeriod().Matches(text))
        {
            var n = m.Groups["n"].Success ? Number(m.Groups["n"].Value) : "1";
            terms.Add(new(OfferKind.Offer, "free-period", $"{n} {m.Groups["u"].Value.ToLowerInvariant()}", m.Value, m.Index));
            taken.Add((m.Index, m.Index + m.Length));
        }
        foreach (Match m in Amount().Matches(text))
        {
            if (taken.Any(t => m.Index < t.End && m.Index + m.Length > t.Start)) continue;
            var value = Normalize(m);
            var (kind, key) = Classify(text, m.Index, m.Index + m.Length);
            if (kind is null) continue;
            terms.Add(new(kind.Value, key!, value, m.Value, m.Index));
        }
        foreach (Match m in NoFee().Matches(text))
            terms.Add(new(OfferKind.Price, "fee", "0", m.Value, m.Index));
        foreach (Match m in PointsMultiplier().Matches(text))
            terms.Add(new(OfferKind.Offer, "points", m.Value.Split(' ')[0].ToLowerInvariant(), m.Value, m.Index));
        foreach (var (perk, start, length) in perks.Find(text))
            terms.Add(new(OfferKind.Perk, perk, "", text.Substring(start, length), start));
        return terms;
    }

    /// <summary>The nearest anchor word within the number's clause: first the three words after it ("20% off",
    /// "4.10% APY", "$35 a month"), then the four words before it ("APR of 7.9%", "save $500", "fee $49").</summary>
    private static (OfferKind?, string?) Classify(string text, int start, int end)
    {
        var clauseEnd = ClauseBoundary(text, end, +1);
        // An anchor on the far side of another amount belongs to that amount ("a $200 bonus after you spend $1,000").
        var after = Token().Matches(text[end..clauseEnd]).Select(t => t.Value.Trim('.', ',')).Take(4).TakeWhile(t => !IsAmount(t)).ToList();
        for (var i = 0; i < after.Count; i++)
        {
            if (AnchorIndex.TryGetValue(after[i], out var a)) return (a.Kind, a.Key);
            if (after[i].StartsWith('/') && AnchorIndex.TryGetValue(after[i][1..], out a)) return (a.Kind, a.Key);
        }
        var clauseStart = ClauseBoundary(text, start, -1);
        var before = Token().Matches(text[clauseStart..start]).Select(t => t.Value.Trim('.', ',')).TakeLast(4).Reverse().TakeWhile(t => !IsAmount(t)).ToList();
        foreach (var word in before)
            if (AnchorIndex.TryGetValue(word, out var a)) return (a.Kind, a.Key);
        // A bare amount after "for", "from", "only", "just" is what something costs ("for $40", "fares from $99").
        if (before.Count > 0 && before[0].ToLowerInvariant() is "for" or "from" or "only" or "just" or "at") return (OfferKind.Price, "price");
        return (null, null);
    }

    private static bool IsAmount(string token) => token.Any(char.IsDigit) && (token.IndexOfAny(['$', '£', '€', '¥', '%']) >= 0);

    private static int ClauseBoundary(string text, int from, int direction)
    {
        var i = from;
        while (i > 0 && i < text.Length)
        {
            var c = direction > 0 ? text[i] : text[i - 1];
            if (c is ';' or '!' or '?' or '\n' or ':' || (c == '.' && !(direction > 0 ? NumberAround(text, i) : NumberAround(text, i - 1)))) break;
            i += direction;
        }
        return Math.Clamp(i, 0, text.Length);
    }

    private static bool NumberAround(string text, int dot) =>
        dot > 0 && dot + 1 < text.Length && char.IsDigit(text[dot - 1]) && char.IsDigit(text[dot + 1]);

    /// <summary>"$25,000" → "$25000", "25k" → "25000", "4.10%" → "4.1%", "20 percent" → "20%", "$9.99" → "$9.99".</summary>
    internal static string Normalize(Match m)
    {
        var num = decimal.Parse(m.Groups["num"].Value.Replace(",", ""), CultureInfo.InvariantCulture);
        if (m.Groups["k"].Success && m.Groups["k"].Value.Trim().Length > 0) num *= 1000;
        var n = num.ToString("0.####", CultureInfo.InvariantCulture);
        if (m.Groups["pct"].Success) return n + "%";
        var cur = m.Groups["cur"].Value.ToLowerInvariant() switch { "dollars" => "$", "euros" => "€", "pounds" => "£", var c => c.ToUpperInvariant() };
        return cur + n;
    }

    private static string Number(string word) => word.ToLowerInvariant() switch
    {
        "one" or "a" or "an" => "1", "two" => "2", "three" => "3", "four" => "4", "six" => "6", "twelve" => "12", var w => w,
    };
}
