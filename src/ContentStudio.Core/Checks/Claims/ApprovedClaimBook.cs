using System.Text.RegularExpressions;
using ContentStudio.Core.Brands;

namespace ContentStudio.Core.Checks.Claims;

/// <summary>A brand's approved claims, compiled once per brand: the wordings copy may use (normalised, see
/// <see cref="ClaimWording"/>), the products each claim is scoped to and its evidence.
/// <list type="bullet">
/// <item>A claim is stated when its whole wording appears: "30-day returns" does not state "30-day returns on unworn
/// items".</item>
/// <item>A claim whose text names a product ("No monthly maintenance fee on Harbor Everyday Checking"), or that lists
/// <c>products</c>, is scoped to them. Its wording without the product ("No monthly maintenance fee") states it when the
/// sentence names one of those products, or names none and the campaign is about one of them.</item>
/// <item>A defined abbreviation may be written either way: "4.10% Annual Percentage Yield (APY)" is also stated as
/// "4.10% APY" or "4.10% Annual Percentage Yield".</item>
/// </list></summary>
public sealed partial class ApprovedClaimBook
{
    public sealed record Entry(ApprovedClaim Claim, string[] Wordings, string[] Scope);

    private readonly Entry[] _entries;
    private readonly (string Name, string[] Aliases)[] _products;

    public ApprovedClaimBook(Brand brand)
    {
        _products = [.. brand.ProductNames.Select(p => (p, Aliases(p)))];
        _entries = [.. brand.Claims.Select(Compile)];
    }

    public IReadOnlyList<Entry> Entries => _entries;

    // "Annual Percentage Yield (APY)": a capitalised phrase followed by its initials in brackets.
    [GeneratedRegex(@"((?:[A-Z][\w]*[ -]){1,5}[A-Z][\w]*)\s*\(([A-Z]{2,6})\)")]
    private static partial Regex Definition();

    [GeneratedRegex(@"\s+(?:on|with|for|in|from|at|by|of|through|via)\s+(?:the\s+|your\s+|our\s+|every\s+|each\s+|any\s+)?$")]
    private static partial Regex TrailingConnector();

    private Entry Compile(ApprovedClaim claim)
    {
        var texts = new List<string> { claim.Text };
        foreach (Match m in Definition().Matches(claim.Text))
        {
            if (!IsInitials(m.Groups[1].Value, m.Groups[2].Value)) continue;
            texts.Add(claim.Text.Replace(m.Value, m.Groups[2].Value));
            texts.Add(claim.Text.Replace(m.Value, m.Groups[1].Value));
        }
        var named = _products.Where(p => ClaimWording.Of(claim.Text).Find(ClaimWording.Key(p.Name)).Any()).Select(p => p.Name).ToList();
        var scope = claim.Products.Concat(named).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        var wordings = new List<string>();
        foreach (var text in texts)
        {
            var key = ClaimWording.Key(text);
            wordings.Add(key);
            foreach (var product in named)
            {
                var stripped = WithoutProduct(key, ClaimWording.Key(product));
                if (stripped is not null) wordings.Add(stripped);
            }
        }
        return new Entry(claim, [.. wordings.Distinct().OrderByDescending(w => w.Length)], scope);
    }

    private static bool IsInitials(string phrase, string abbreviation)
    {
        var initials = string.Concat(phrase.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Select(w => w[0]));
        return initials.EndsWith(abbreviation, StringComparison.Ordinal);
    }

    // The wording with the product name (and the preposition that joined it) taken out; null when too little is left.
    private static string? WithoutProduct(string key, string product)
    {
        var at = key.IndexOf(product, StringComparison.Ordinal);
        if (at < 0) return null;
        var before = key[..at];
        var after = key[(at + product.Length)..].Trim();
        var rest = after.Length == 0 ? TrailingConnector().Replace(before, "").Trim()
            : before.Trim().Length == 0 ? after : null;
        return rest is not null && rest.Split(' ').Length >= 2 ? rest : null;
    }

    /// <summary>A product's names as copy writes them: the full name, and without the brand word in front when two or more
    /// words are left ("Fernwood Ridge Jacket" → "ridge jacket").</summary>
    private static string[] Aliases(string product)
    {
        var key = ClaimWording.Key(product);
        var words = key.Split(' ');
        return words.Length >= 3 ? [key, string.Join(' ', words[1..])] : [key];
    }

    /// <summary>The brand products a text names.</summary>
    public IEnumerable<string> ProductsNamedIn(ClaimWording text, int start, int end)
    {
        foreach (var (name, aliases) in _products)
            foreach (var alias in aliases)
                if (text.Find(alias).Any(r => r.Start >= start && r.End <= end)) { yield return name; break; }
    }

    /// <summary>True when a product name is one of the <paramref name="scope"/> products (or its short form).</summary>
    public bool InScope(string? product, string[] scope)
    {
        if (string.IsNullOrWhiteSpace(product)) return false;
        var key = ClaimWording.Key(product);
        foreach (var s in scope)
        {
            var aliases = Aliases(s);
            if (aliases.Contains(key) || key.Contains(aliases[^1], StringComparison.Ordinal)) return true;
        }
        return false;
    }
}
