namespace ContentStudio.Core.Campaigns;

/// <summary>A stored campaign: the brief plus who asked for it. Runs hang off it by CampaignId.</summary>
public sealed class Campaign
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string Name { get; set; } = "";
    public string BrandSlug { get; set; } = "";
    /// <summary>The whole brief, kept as one JSON text column (the UI and the generator read it whole).</summary>
    public CampaignBrief Brief { get; set; } = new();
    /// <summary>Copied out of the brief so the review queue can sort by it in SQL.</summary>
    public int BusinessImpact { get; set; } = 3;
    public DateTime? DeadlineUtc { get; set; }
    public DateTime CreatedUtc { get; set; }
    public string CreatedBy { get; set; } = "";
    /// <summary>App-managed: StudioDbContext replaces it on every update (SQLite has no row version).</summary>
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();
}
