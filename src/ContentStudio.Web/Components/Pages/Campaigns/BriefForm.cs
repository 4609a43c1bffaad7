using ContentStudio.Core.Campaigns;
using ContentStudio.Core.Channels;

namespace ContentStudio.Web.Components.Pages.Campaigns;

/// <summary>The editable shape of a brief on the form; <see cref="ToBrief"/> makes the Core record.</summary>
public sealed class BriefForm
{
    public string Name { get; set; } = "";
    public string BrandSlug { get; set; } = "";
    public string Product { get; set; } = "";
    public string Objective { get; set; } = "";
    /// <summary>One key message per line.</summary>
    public string KeyMessages { get; set; } = "";
    public string Offer { get; set; } = "";
    public string CallToAction { get; set; } = "";
    public HashSet<ChannelKind> Channels { get; } = [ChannelKind.Email, ChannelKind.Sms];
    public HashSet<string> SegmentKeys { get; } = [];
    public int VariantsPerSegment { get; set; } = 3;
    public int BusinessImpact { get; set; } = 3;
    public DateTime? Deadline { get; set; }

    public CampaignBrief ToBrief() => new()
    {
        Name = Name.Trim(),
        BrandSlug = BrandSlug,
        Product = Product.Trim(),
        Objective = Objective.Trim(),
        KeyMessages = KeyMessages.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        Offer = Offer.Trim(),
        CallToAction = CallToAction.Trim(),
        Channels = ChannelCatalog.All.Select(c => c.Kind).Where(Channels.Contains).ToList(),
        SegmentKeys = SegmentKeys.Order(StringComparer.Ordinal).ToList(),
        VariantsPerSegment = VariantsPerSegment,
        BusinessImpact = BusinessImpact,
        DeadlineUtc = Deadline is { } d ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : null,
    };
}
