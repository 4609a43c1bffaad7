using ContentStudio.Core.Channels;

namespace ContentStudio.Core.Campaigns;

/// <summary>What a content marketer asks for: one brief, many segments and channels.</summary>
public sealed record CampaignBrief
{
    public string Name { get; init; } = "";
    public string BrandSlug { get; init; } = "";
    public string Product { get; init; } = "";
    public string Objective { get; init; } = "";
    public IReadOnlyList<string> KeyMessages { get; init; } = [];
    /// <summary>The offer every segment is entitled to.</summary>
    public string Offer { get; init; } = "";
    /// <summary>Extras the brief sanctions for named segments only (a loyalty-tier bonus, a welcome offer for new
    /// customers): the campaign fairness check does not flag them as disparities.</summary>
    public IReadOnlyList<SanctionedExtra> SanctionedExtras { get; init; } = [];
    public string CallToAction { get; init; } = "";
    public IReadOnlyList<ChannelKind> Channels { get; init; } = [];
    public IReadOnlyList<string> SegmentKeys { get; init; } = [];
    public int VariantsPerSegment { get; init; } = 3;
    /// <summary>1 (low) to 5 (critical): orders the review queue.</summary>
    public int BusinessImpact { get; init; } = 3;
    public DateTime? DeadlineUtc { get; init; }
}

/// <summary>An extra the brief grants to the named segments only, e.g. "double points for Gold members".</summary>
public sealed record SanctionedExtra(IReadOnlyList<string> Segments, string Text);
