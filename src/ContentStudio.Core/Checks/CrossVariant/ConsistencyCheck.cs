namespace ContentStudio.Core.Checks.CrossVariant;

/// <summary>Consistency across channels, per segment: the same offer, the same dates and the same disclaimers
/// wherever the campaign speaks to that audience.</summary>
public sealed class ConsistencyCheck : ICampaignCheck
{
    public const string OfferRule = "campaign.consistency.offer";
    public const string DateRule = "campaign.consistency.date";
    public const string DisclaimerRule = "campaign.consistency.disclaimer";

    public IReadOnlyList<string> RuleIds { get; } = [OfferRule, DateRule, DisclaimerRule];
    public IReadOnlyList<string> Categories { get; } = [CheckCategories.Consistency];

    public void Run(CampaignCheckContext context)
    {
        var groups = context.Variants.Select((v, i) => (v, f: context.Features[i])).GroupBy(x => x.v.Segment.Key);
        foreach (var group in groups)
        {
            var items = group.ToList();
            if (items.Select(x => x.v.Channel).Distinct().Count() < 2) continue;
            Compare(context, items, x => x.Offers, OfferRule, "offer", Severity.Warning);
            Compare(context, items, x => x.Dates, DateRule, "date", Severity.Warning);
            // Only variants that make an offer need its terms; compare those.
            Compare(context, [.. items.Where(x => x.f.Offers.Count > 0)], x => x.Disclaimers, DisclaimerRule, "disclaimer", Severity.Info, missingCounts: true);
        }
    }

    /// <summary>Flags a variant mentioning a value the other channels' variants (that mention any) don't.
    /// With <paramref name="missingCounts"/>, a variant without the value the others all carry is flagged too.</summary>
    private static void Compare(CampaignCheckContext context, List<(CampaignVariant v, VariantFeatures f)> items,
        Func<VariantFeatures, IReadOnlySet<string>> select, string rule, string what, Severity severity, bool missingCounts = false)
    {
        var mentioning = items.Where(x => select(x.f).Count > 0).ToList();
        if (mentioning.Count == 0) return;
        foreach (var (v, f) in missingCounts ? items : mentioning)
        {
            var mine = select(f);
            var others = (missingCounts ? items : mentioning).Where(x => x.v != v && x.v.Channel != v.Channel).ToList();
            if (others.Count == 0) continue;
            var theirs = others.SelectMany(x => select(x.f)).ToHashSet();
            var extra = mine.Where(m => !theirs.Contains(m)).ToList();
            if (extra.Count > 0)
            {
                context.Add(v, FairnessCheck.Locate(v, extra[0]) with
                {
                    RuleId = rule, Category = CheckCategories.Consistency, Severity = severity,
                    Message = $"The {v.Channel} variant says \"{extra[0]}\" but the other channels for \"{v.Segment.Name}\" say {string.Join(", ", theirs.Select(t => $"\"{t}\""))}: the {what} should match.",
                    Suggestion = theirs.FirstOrDefault(),
                });
            }
            else if (missingCounts && mine.Count == 0 && others.All(o => select(o.f).Count > 0))
            {
                context.Add(v, new Finding(rule, CheckCategories.Consistency, severity, v.Fields.Keys.LastOrDefault() ?? "", 0, 0, "",
                    $"The {v.Channel} variant makes the offer without the {what} the other channels carry ({string.Join(", ", theirs)}).",
                    theirs.FirstOrDefault()));
            }
        }
    }
}
