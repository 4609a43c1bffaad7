using ContentStudio.Core.Brands;
using ContentStudio.Core.Campaigns;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Segments;

namespace ContentStudio.Core.Generation;

/// <summary>The structured request behind one generation call. It travels beside the rendered messages in
/// <c>ChatOptions.AdditionalProperties[CompositionRequest.PropertyKey]</c>, so the offline composer can write
/// from the data while real providers read the prompt: one pipeline for both. <see cref="Style"/> is the released
/// template's declared style (the generator fills it from the template it renders).</summary>
public sealed record CompositionRequest(
    Brand Brand,
    Segment Segment,
    ChannelSpec Channel,
    CampaignBrief Brief,
    int VariantIndex,
    int Seed,
    string? Feedback = null,
    Prompts.PromptStyle? Style = null)
{
    public const string PropertyKey = "contentstudio.request";

    /// <summary>The most reviewer feedback one request carries to the model (characters). A hard safety bound, not a
    /// setting: feedback is a few sentences, and without a bound one pasted document became a 329 KB prompt. Review
    /// refuses longer feedback; the engine also cuts what is already stored (tasks queued before the bound).</summary>
    public const int MaxFeedbackLength = 4_000;

    /// <summary>Feedback as the model may see it: at most <see cref="MaxFeedbackLength"/> characters.</summary>
    public static string? CapFeedback(string? feedback) =>
        feedback is { Length: > MaxFeedbackLength } ? feedback[..MaxFeedbackLength] : feedback;
}
