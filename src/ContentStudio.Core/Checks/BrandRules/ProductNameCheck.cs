using ContentStudio.Core.Brands;
using ContentStudio.Core.Checks.Analysis;

namespace ContentStudio.Core.Checks.BrandRules;

/// <summary>Product names must be written exactly as the guide spells them. Finds any run of up to n+1 words
/// whose letters and digits, ignoring case, spell a product name ("acme pay", "Acme-Pay", "ACMEPAY" for
/// "AcmePay") and flags those that differ from the exact spelling.</summary>
public sealed class ProductNameCheck(Brand brand) : ITextCheck
{
    public const string RuleId = "brand.product-name";
    private readonly (string Name, string Key, int MaxWords)[] _products = [.. brand.ProductNames
        .Where(n => !string.IsNullOrWhiteSpace(n))
        .Select(n => (n.Trim(), Key(n), n.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Length + 1))
        .Where(p => p.Item2.Length > 0)];

    // The brand's known misspellings ("Acme Pey" → "AcmePay"), matched as whole words in any case.
    private readonly PhraseMatcher<string> _misspellings = new(brand.ProductMisspellings
        .Where(m => !string.IsNullOrWhiteSpace(m.Misspelling))
        .Select(m => new PhraseVariant<string>(m.Misspelling.Trim().Split([' ', '-', '/'], StringSplitOptions.RemoveEmptyEntries), m.Product)));

    public IReadOnlyList<string> RuleIds { get; } = [RuleId];
    public IReadOnlyList<string> Categories { get; } = [CheckCategories.ProductNames];

    public void Run(CheckContext context)
    {
        if (_products.Length == 0) return;
        var misspelt = new List<PhraseMatch<string>>();
        foreach (var field in context.Fields)
        {
            misspelt.Clear();
            _misspellings.Scan(field, misspelt);
            foreach (var m in misspelt)
            {
                if (InTagOrAddress(field.Text, m.Start, m.Start + m.Length)) continue;
                var wrong = field.Text.Substring(m.Start, m.Length);
                context.Add(new Finding(RuleId, CheckCategories.ProductNames, Severity.Warning, field.Name, m.Start, m.Length, wrong,
                    $"\"{wrong}\" is a known misspelling of the product \"{m.Payload}\".", m.Payload));
            }
            var words = field.Words;
            for (var i = 0; i < words.Length; i++)
            {
                if (InsideAny(misspelt, words[i].Start)) continue; // already reported as a known misspelling
                var firstChar = char.ToLowerInvariant(field.Text[words[i].Start]);
                foreach (var (name, key, maxWords) in _products)
                {
                    if (key[0] != firstChar) continue;
                    var count = Spells(field, i, key, maxWords);
                    if (count == 0) continue;
                    var start = words[i].Start;
                    var length = words[i + count - 1].End - start;
                    // "#LumenRoastClub", "@lumenroastclub", "hello@lumenroastclub.com", "lumenroastclub.com/terms": a tag,
                    // handle, address or link spells the name its own way by necessity; that is not a misspelling.
                    if (InTagOrAddress(field.Text, start, start + length)) { i += count - 1; break; }
                    var span = field.Text.AsSpan(start, length);
                    // Possessive "AcmePay's" still counts as the exact name.
                    if (!span.StartsWith(name, StringComparison.Ordinal) || !IsPossessiveOrExact(span, name))
                    {
                        var text = span.ToString();
                        context.Add(new Finding(RuleId, CheckCategories.ProductNames, Severity.Warning, field.Name, start, length, text,
                            $"The product is written \"{name}\", exactly; \"{text}\" differs in spelling or capitalisation.", name));
                    }
                    i += count - 1;
                    break;
                }
            }
        }
    }

    private static bool InsideAny(List<PhraseMatch<string>> matches, int at)
    {
        foreach (var m in matches)
            if (at >= m.Start && at < m.Start + m.Length) return true;
        return false;
    }

    internal static bool InTagOrAddress(string text, int start, int end) => TextTokens.InTagOrAddress(text, start, end);

    private static bool IsPossessiveOrExact(ReadOnlySpan<char> span, string name) =>
        span.Length == name.Length || span[name.Length..] is "'s" or "’s" or "'" or "’";

    /// <summary>How many words from <paramref name="first"/> spell the key exactly (0 if none); a trailing
    /// possessive "'s" is allowed.</summary>
    private static int Spells(AnalyzedField field, int first, string key, int maxWords)
    {
        var words = field.Words;
        var k = 0;
        for (var n = 0; n < maxWords && first + n < words.Length; n++)
        {
            var w = words[first + n];
            if (n > 0 && w.GapBefore is not (Gap.Space or Gap.Hyphen)) return 0;
            var span = field.Span(w);
            for (var j = 0; j < span.Length; j++)
            {
                var c = span[j];
                if (!char.IsLetterOrDigit(c)) continue;
                if (k == key.Length)
                    return j == span.Length - 1 && c is 's' or 'S' && Tokenizer.IsApostrophe(span[j - 1]) ? n + 1 : 0;
                if (char.ToLowerInvariant(c) != key[k++]) return 0;
            }
            if (k == key.Length) return n + 1;
        }
        return 0;
    }

    private static string Key(string name) => new([.. name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);
}
