using ContentStudio.Core.Brands;
using ContentStudio.Core.Campaigns;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Segments;

namespace ContentStudio.Core.Checks.CrossVariant;

/// <summary>One variant of a generation run as the campaign checks see it.</summary>
public sealed record CampaignVariant(string Id, Segment Segment, ChannelKind Channel, IReadOnlyDictionary<string, string> Fields);

/// <summary>A finding that only shows when the variants are compared: one per disparity, naming every variant involved
/// and (for fairness) the protected attribute it is about. <see cref="Type"/> is the last part of the rule id
/// ("offer-disparity", "stereotype", "near-duplicate", ...).</summary>
public sealed record CampaignFinding(IReadOnlyList<string> VariantIds, Finding Finding)
{
    public CampaignFinding(string variantId, Finding finding) : this([variantId], finding) { }
    public string Attribute { get; init; } = "";
    /// <summary>The words the finding is about in each variant that has them ("20%" in one, "10%" in the other).</summary>
    public IReadOnlyDictionary<string, string> Texts { get; init; } = new Dictionary<string, string>();
    public string Type => Finding.RuleId[(Finding.RuleId.LastIndexOf('.') + 1)..];
}

/// <summary>A check over all variants of a run (fairness between segments, consistency between channels,
/// near-duplicates). Like <see cref="ICheck"/>: names its rules, keeps no state, reports through the context.</summary>
public interface ICampaignCheck
{
    IReadOnlyList<string> RuleIds { get; }
    IReadOnlyList<string> Categories { get; }
    void Run(CampaignCheckContext context);
}

public sealed class CampaignCheckContext(IReadOnlyList<CampaignVariant> variants, Brand? brand, CampaignBrief? brief = null)
{
    private readonly List<CampaignFinding> _findings = [];
    public IReadOnlyList<CampaignVariant> Variants { get; } = variants;
    public Brand? Brand { get; } = brand;
    /// <summary>The brief: the offer every segment is entitled to and the extras it sanctions for named segments.</summary>
    public CampaignBrief Brief { get; } = brief ?? new CampaignBrief();
    /// <summary>Offers, dates, reading grade and tone of each variant, extracted once.</summary>
    public IReadOnlyList<VariantFeatures> Features { get; } = [.. variants.Select(VariantFeatures.Extract)];
    public IReadOnlyList<CampaignFinding> Findings => _findings;
    public void Add(CampaignVariant variant, Finding finding) => _findings.Add(new(variant.Id, finding));
    public void Add(CampaignFinding finding) => _findings.Add(finding);
}

/// <summary>The result of the campaign checks: findings per variant and one report for the campaign as a whole.</summary>
public sealed class CampaignReport
{
    public required IReadOnlyList<CampaignFinding> Findings { get; init; }
    public required CheckReport Overall { get; init; }
    internal IReadOnlyDictionary<string, CampaignVariant> Variants { get; init; } = new Dictionary<string, CampaignVariant>();

    /// <summary>The findings that name the variant, each pointing at its own text in that variant where it has one.</summary>
    public IReadOnlyList<Finding> For(string variantId) => [.. Findings.Where(f => f.VariantIds.Contains(variantId)).Select(f =>
        f.Finding.Field.Length > 0 || !Variants.TryGetValue(variantId, out var v) ? f.Finding : Relocate(v, f.Finding, f.Texts.GetValueOrDefault(variantId, "")))];

    private static Finding Relocate(CampaignVariant v, Finding f, string text)
    {
        var at = text.Length == 0 ? null : FairnessCheck.Locate(v, text);
        return at is { Length: > 0 } ? f with { Field = at.Field, Start = at.Start, Length = at.Length, Text = at.Text }
            : f with { Field = v.Fields.Keys.FirstOrDefault() ?? "", Start = 0, Length = 0, Text = "" };
    }
}

/// <summary>Runs the campaign checks over all variants of a run. A check that throws becomes an error finding
/// on the campaign (variant id "*"), never a crash.</summary>
public sealed class CampaignCheckRunner(IReadOnlyList<ICampaignCheck>? checks = null, Brand? brand = null, CampaignThresholds? thresholds = null)
{
    private readonly IReadOnlyList<ICampaignCheck> _checks = checks ?? Standard(thresholds ?? new());

    public static IReadOnlyList<ICampaignCheck> Standard(CampaignThresholds t, FairnessVocabulary? vocabulary = null) =>
        [new FairnessCheck(t, vocabulary ?? FairnessVocabulary.Default), new ConsistencyCheck(), new NearDuplicateCheck(t)];

    public IReadOnlyList<ICampaignCheck> Checks => _checks;

    public CampaignReport Run(IReadOnlyList<CampaignVariant> variants, CampaignBrief? brief = null)
    {
        var context = new CampaignCheckContext(variants, brand, brief);
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
        // The fairness vocabulary is data: its hash is part of the version, as the terms files' is for item checks.
        var data = string.Concat(_checks.OfType<FairnessCheck>().Select(f => "+" + f.VocabularyHash));
        var version = CheckPipelineBuilder.CodeVersion + "/campaign" + data + (brand is null ? "" : $"/{brand.Slug}");
        return new CampaignReport
        {
            Findings = all,
            Variants = variants.GroupBy(v => v.Id).ToDictionary(g => g.Key, g => g.First()),
            Overall = CheckReport.Create([.. all.Select(f => f.Finding)], _checks.SelectMany(c => c.Categories).Distinct(), version),
        };
    }
}

/// <summary>Where a difference between segments becomes a finding.</summary>
public sealed record CampaignThresholds
{
    /// <summary>Largest allowed gap in mean Flesch-Kincaid grade between segments.</summary>
    public double ReadingGradeGap { get; init; } = 3.0;
    /// <summary>Fewest words a variant's field needs for its reading grade to count (as for the item readability check:
    /// the grade of a shorter text swings with how it is split into sentences).</summary>
    public int ReadingMinWords { get; init; } = 20;
    /// <summary>Jaccard similarity of word 3-grams at or above which two variants are near-duplicates.</summary>
    public double NearDuplicateSimilarity { get; init; } = 0.8;
}
