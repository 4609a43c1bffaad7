using ContentStudio.Core.Brands;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Segments;

namespace ContentStudio.Core.Checks.CrossVariant;

/// <summary>One variant of a generation run as the campaign checks see it.</summary>
public sealed record CampaignVariant(string Id, Segment Segment, ChannelKind Channel, IReadOnlyDictionary<string, string> Fields);

/// <summary>A finding about one variant that only shows when the variants are compared.</summary>
public sealed record CampaignFinding(string VariantId, Finding Finding);

/// <summary>A check over all variants of a run (fairness between segments, consistency between channels,
/// near-duplicates). Like <see cref="ICheck"/>: names its rules, keeps no state, reports through the context.</summary>
public interface ICampaignCheck
{
    IReadOnlyList<string> RuleIds { get; }
    IReadOnlyList<string> Categories { get; }
    void Run(CampaignCheckContext context);
}

public sealed class CampaignCheckContext(IReadOnlyList<CampaignVariant> variants, Brand? brand)
{
    private readonly List<CampaignFinding> _findings = [];
    public IReadOnlyList<CampaignVariant> Variants { get; } = variants;
    public Brand? Brand { get; } = brand;
    /// <summary>Offers, dates, reading grade and tone of each variant, extracted once.</summary>
    public IReadOnlyList<VariantFeatures> Features { get; } = [.. variants.Select(VariantFeatures.Extract)];
    public IReadOnlyList<CampaignFinding> Findings => _findings;
    public void Add(CampaignVariant variant, Finding finding) => _findings.Add(new(variant.Id, finding));
}

/// <summary>The result of the campaign checks: findings per variant and one report for the campaign as a whole.</summary>
public sealed class CampaignReport
{
    public required IReadOnlyList<CampaignFinding> Findings { get; init; }
    public required CheckReport Overall { get; init; }
    public IReadOnlyList<Finding> For(string variantId) => [.. Findings.Where(f => f.VariantId == variantId).Select(f => f.Finding)];
}

/// <summary>Runs the campaign checks over all variants of a run. A check that throws becomes an error finding
/// on the campaign (variant id "*"), never a crash.</summary>
public sealed class CampaignCheckRunner(IReadOnlyList<ICampaignCheck>? checks = null, Brand? brand = null, CampaignThresholds? thresholds = null)
{
    private readonly IReadOnlyList<ICampaignCheck> _checks = checks ?? Standard(thresholds ?? new());

    public static IReadOnlyList<ICampaignCheck> Standard(CampaignThresholds t) =>
        [new FairnessCheck(t), new ConsistencyCheck(), new NearDuplicateCheck(t)];

    public IReadOnlyList<ICampaignCheck> Checks => _checks;

    public CampaignReport Run(IReadOnlyList<CampaignVariant> variants)
    {
        var context = new CampaignCheckContext(variants, brand);
        var errors = new List<CampaignFinding>();
        foreach (var check in _checks)
        {
            try { check.Run(context); }
            catch (Exception e)
            {
                errors.Add(new("*", new Finding(CheckPipeline.ErrorRuleId, CheckCategories.CheckError, Severity.Warning, "", 0, 0, "",
                    $"The campaign check {check.GetType().Name} failed ({e.GetType().Name}: {e.Message}); a person must review this campaign.")));
            }
        }
        var all = context.Findings.Concat(errors).ToList();
        var version = CheckPipelineBuilder.CodeVersion + "/campaign" + (brand is null ? "" : $"/{brand.Slug}");
        return new CampaignReport
        {
            Findings = all,
            Overall = CheckReport.Create([.. all.Select(f => f.Finding)], _checks.SelectMany(c => c.Categories).Distinct(), version),
        };
    }
}

/// <summary>Where a difference between segments becomes a finding.</summary>
public sealed record CampaignThresholds
{
    /// <summary>Largest allowed gap in mean Flesch-Kincaid grade between segments.</summary>
    public double ReadingGradeGap { get; init; } = 3.0;
    /// <summary>Largest allowed gap in "shouting" (exclamation marks, capitals, emoji per 100 words).</summary>
    public double ToneGap { get; init; } = 4.0;
    /// <summary>Jaccard similarity of word 3-grams at or above which two variants are near-duplicates.</summary>
    public double NearDuplicateSimilarity { get; init; } = 0.8;
}
