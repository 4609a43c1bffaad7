namespace ContentStudio.Core.Checks.CrossVariant;

/// <summary>Variants of the same channel that say nearly the same thing (Jaccard similarity of word 3-grams at or
/// above the threshold) waste a slot: the later one is flagged with the earlier one named.</summary>
public sealed class NearDuplicateCheck(CampaignThresholds thresholds) : ICampaignCheck
{
    public const string RuleId = "campaign.duplicates.near-duplicate";

    public IReadOnlyList<string> RuleIds { get; } = [RuleId];
    public IReadOnlyList<string> Categories { get; } = [CheckCategories.Duplicates];

    public void Run(CampaignCheckContext context)
    {
        var v = context.Variants;
        var f = context.Features;
        for (var j = 1; j < v.Count; j++)
            for (var i = 0; i < j; i++)
            {
                if (v[i].Channel != v[j].Channel) continue;
                var similarity = Jaccard(f[i].Shingles, f[j].Shingles);
                if (similarity < thresholds.NearDuplicateSimilarity) continue;
                var name = v[j].Fields.OrderByDescending(kv => kv.Value.Length).First().Key;
                context.Add(v[j], new Finding(RuleId, CheckCategories.Duplicates, Severity.Warning, name, 0, 0, "",
                    $"Nearly the same as variant {v[i].Id} ({similarity:P0} of word 3-grams shared).", "regenerate with a different angle"));
                break;
            }
    }

    public static double Jaccard(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        if (a.Count == 0 && b.Count == 0) return 0;
        var shared = a.Count(b.Contains);
        return shared / (double)(a.Count + b.Count - shared);
    }
}
