namespace ContentStudio.Core.Insights.Experiments;

/// <summary>The variant a campaign's segment × channel experiment measures the others against, designated by a
/// person. Without a row the variant with the lowest index is the control (and the report says it was not chosen).</summary>
public sealed class ExperimentControl
{
    public Guid CampaignId { get; set; }
    public string SegmentKey { get; set; } = "";
    public string Channel { get; set; } = "";
    public Guid VariantId { get; set; }
    public DateTime DesignatedUtc { get; set; }
    public string DesignatedBy { get; set; } = "";
}
