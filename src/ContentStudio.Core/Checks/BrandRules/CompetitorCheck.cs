using ContentStudio.Core.Brands;
using ContentStudio.Core.Checks.Analysis;

namespace ContentStudio.Core.Checks.BrandRules;

/// <summary>Mentions of a competitor by name: comparative copy needs legal review, so it goes to a person.</summary>
public sealed class CompetitorCheck(Brand brand) : ITextCheck
{
    public const string RuleId = "brand.competitor";
    private readonly PhraseMatcher<string> _matcher = new(brand.Competitors
        .Where(c => !string.IsNullOrWhiteSpace(c))
        .SelectMany(c => PhraseMatcher<string>.Expand(c.Trim(), WordClass.Fixed, false)
            .Concat([[.. c.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[..^1], c.Trim().Split(' ')[^1] + "'s"]])
            .Select(words => new PhraseVariant<string>(words, c.Trim()))));

    public IReadOnlyList<string> RuleIds { get; } = [RuleId];
    public IReadOnlyList<string> Categories { get; } = [CheckCategories.Competitors];

    public void Run(CheckContext context)
    {
        var matches = new List<PhraseMatch<string>>();
        foreach (var field in context.Fields)
        {
            matches.Clear();
            _matcher.Scan(field, matches);
            foreach (var m in matches)
                context.Add(new Finding(RuleId, CheckCategories.Competitors, Severity.Warning, field.Name, m.Start, m.Length,
                    field.Text.Substring(m.Start, m.Length),
                    $"Mentions the competitor {m.Payload}: comparisons need legal review and evidence.", "leave the competitor out"));
        }
    }
}
