using ContentStudio.Core.Brands;
using ContentStudio.Core.Checks.Analysis;

namespace ContentStudio.Core.Checks.BrandRules;

/// <summary>Banned terms (blocker) and deprecated terms (warning, with the preferred replacement) from the
/// brand guide, matched with the same inflection-aware matcher as the inclusive terms.</summary>
public sealed class BrandTermsCheck : ITextCheck
{
    public const string BannedRule = "brand.terms.banned";
    public const string DeprecatedRule = "brand.terms.deprecated";
    private readonly PhraseMatcher<(TermRule Rule, bool Banned)> _matcher;

    public BrandTermsCheck(Brand brand)
    {
        var variants = new List<PhraseVariant<(TermRule, bool)>>();
        void AddAll(IEnumerable<TermRule> rules, bool banned)
        {
            foreach (var rule in rules.Where(r => !string.IsNullOrWhiteSpace(r.Term)))
                foreach (var words in PhraseMatcher<(TermRule, bool)>.Expand(rule.Term.Trim(), WordClass.Noun, closed: false))
                    variants.Add(new(words, (rule, banned)));
        }
        // Banned first: when a term is both, the stronger rule wins.
        AddAll(brand.BannedTerms, true);
        AddAll(brand.DeprecatedTerms, false);
        _matcher = new PhraseMatcher<(TermRule, bool)>(variants);
    }

    public IReadOnlyList<string> RuleIds { get; } = [BannedRule, DeprecatedRule];
    public IReadOnlyList<string> Categories { get; } = [CheckCategories.BrandTerms];

    public void Run(CheckContext context)
    {
        var matches = new List<PhraseMatch<(TermRule Rule, bool Banned)>>();
        foreach (var field in context.Fields)
        {
            matches.Clear();
            _matcher.Scan(field, matches);
            foreach (var m in matches)
            {
                var (rule, banned) = m.Payload;
                var text = field.Text.Substring(m.Start, m.Length);
                var why = string.IsNullOrWhiteSpace(rule.Reason) ? "" : $" ({rule.Reason.Trim().TrimEnd('.')})";
                context.Add(banned
                    ? new Finding(BannedRule, CheckCategories.BrandTerms, Severity.Blocker, field.Name, m.Start, m.Length, text,
                        $"\"{text}\" is banned by the brand guide{why}.", rule.Replacement)
                    : new Finding(DeprecatedRule, CheckCategories.BrandTerms, Severity.Warning, field.Name, m.Start, m.Length, text,
                        $"\"{text}\" is deprecated in the brand guide{why}" + (rule.Replacement is null ? "." : $"; use \"{rule.Replacement}\"."),
                        rule.Replacement));
            }
        }
    }
}
