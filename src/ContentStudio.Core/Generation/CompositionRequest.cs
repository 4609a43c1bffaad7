using ContentStudio.Core.Brands;
using ContentStudio.Core.Campaigns;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Segments;

namespace ContentStudio.Core.Generation;

/// <summary>The structured request behind one generation call. It travels beside the rendered messages in
/// <c>ChatOptions.AdditionalProperties[CompositionRequest.PropertyKey]</c>, so the offline composer can write
/// from the data while real providers read the prompt: one pipeline for both.</summary>
public sealed record CompositionRequest(
    Brand Brand,
    Segment Segment,
    ChannelSpec Channel,
    CampaignBrief Brief,
    int VariantIndex,
    int Seed,
    string? Feedback = null)
{
    public const string PropertyKey = "contentstudio.request";
}
