namespace ContentStudio.Core.Insights.Results;

/// <summary>How one published variant did on one send date: what an ESP or ad platform reports. One row per variant
/// and date (a unique index), so importing the same numbers again changes nothing and corrected numbers replace the
/// old ones. Counts are whole numbers; revenue is in minor units (cents) of the campaign's currency, because SQLite
/// cannot sum decimals in SQL.</summary>
public sealed class VariantResult
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid VariantId { get; set; }
    /// <summary>Copied from the variant so a campaign's results are read with one indexed filter.</summary>
    public Guid CampaignId { get; set; }
    /// <summary>The send date (UTC midnight).</summary>
    public DateTime SendDate { get; set; }
    /// <summary>Impressions (ads, social, web) or sends (email, SMS, push): the trials of every rate.</summary>
    public long Impressions { get; set; }
    public long Clicks { get; set; }
    public long Conversions { get; set; }
    public long? RevenueMinor { get; set; }
    public long? Unsubscribes { get; set; }
    public long? Complaints { get; set; }
    public DateTime ImportedUtc { get; set; }
    public string ImportedBy { get; set; } = "";
    /// <summary>Where the numbers came from ("results.csv:12", "webhook").</summary>
    public string Source { get; set; } = "";

    public bool SameNumbersAs(VariantResult other) =>
        Impressions == other.Impressions && Clicks == other.Clicks && Conversions == other.Conversions && RevenueMinor == other.RevenueMinor
        && Unsubscribes == other.Unsubscribes && Complaints == other.Complaints;
}
