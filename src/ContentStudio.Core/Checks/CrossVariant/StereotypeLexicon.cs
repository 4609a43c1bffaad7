using System.Text.RegularExpressions;
using ContentStudio.Core.Segments;

namespace ContentStudio.Core.Checks.CrossVariant;

/// <summary>Words that, aimed at one protected group only, read as a stereotype (women and cooking, older people
/// and confusion). Kept small and explicit: the campaign check flags them only when no other segment gets them.</summary>
public static class StereotypeLexicon
{
    private static readonly (string Attribute, string[] Values, string[] Words)[] Table =
    [
        ("gender", ["female", "woman", "women", "f"], ["cooking", "cleaning", "housework", "kitchen", "shopping spree", "gossip", "emotional", "pink", "diet", "pretty", "bargain hunting"]),
        ("gender", ["male", "man", "men", "m"], ["beer", "tools", "gadgets", "grill", "sports fan", "man cave", "tech-savvy", "fix it yourself"]),
        ("age", ["55+", "60+", "65+", "70+", "older", "senior", "retired", "55-64", "65-74", "75+"], ["confusing", "simple enough", "easy even", "big buttons", "slow down", "frail", "no tech skills", "at your age"]),
        ("age", ["18-24", "16-24", "under 25", "young", "gen z", "student"], ["party", "lazy", "broke", "avocado", "careless", "no attention span"]),
        ("ethnicity", [], ["exotic", "spicy", "urban", "articulate", "tribal"]),
        ("religion", [], ["fanatic", "extremist", "strict", "devout"]),
        ("disability", [], ["brave", "inspiring", "overcome", "despite", "suffer"]),
    ];

    /// <summary>The stereotype words that apply to this segment, by attribute. For ethnicity, religion and
    /// disability any declared value counts (the words are about the group, not about one value).</summary>
    public static IEnumerable<(string Attribute, string[] Words)> For(Segment segment)
    {
        foreach (var attribute in segment.ProtectedAttributes)
        {
            var value = FairnessCheck.Value(segment, attribute).Trim();
            if (value.Length == 0) continue;
            foreach (var (a, values, words) in Table)
                if (a.Equals(attribute, StringComparison.OrdinalIgnoreCase) &&
                    (values.Length == 0 || values.Any(v => v.Equals(value, StringComparison.OrdinalIgnoreCase))))
                    yield return (attribute, words);
        }
    }

    public static bool Contains(string text, string word) =>
        Regex.IsMatch(text, $@"(?<!\w){Regex.Escape(word)}(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}
