using ContentStudio.Core.Segments;

namespace ContentStudio.Core.Data;

/// <summary>The stored form of a <see cref="Segment"/>; lists and attributes are JSON text columns.</summary>
public sealed class SegmentRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string BrandSlug { get; set; } = "";
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public string AgeBand { get; set; } = "";
    public string Locale { get; set; } = "en-US";
    public string LifecycleStage { get; set; } = "";
    public List<string> Interests { get; set; } = [];
    public List<string> PainPoints { get; set; } = [];
    public Dictionary<string, string> Attributes { get; set; } = [];
    public List<string> ProtectedAttributes { get; set; } = [];
    public string ToneAdjustment { get; set; } = "";
    public DateTime UpdatedUtc { get; set; }
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();

    public Segment ToSegment() => new()
    {
        Key = Key, BrandSlug = BrandSlug, Name = Name, Description = Description, AgeBand = AgeBand,
        Locale = Locale, LifecycleStage = LifecycleStage, Interests = [.. Interests], PainPoints = [.. PainPoints],
        Attributes = new Dictionary<string, string>(Attributes), ProtectedAttributes = [.. ProtectedAttributes],
        ToneAdjustment = ToneAdjustment,
    };

    /// <summary>Copies a segment's data in (the key and brand included); Id and token stay.</summary>
    public SegmentRecord CopyFrom(Segment s)
    {
        BrandSlug = s.BrandSlug; Key = s.Key; Name = s.Name; Description = s.Description; AgeBand = s.AgeBand;
        Locale = s.Locale; LifecycleStage = s.LifecycleStage; Interests = [.. s.Interests]; PainPoints = [.. s.PainPoints];
        Attributes = new Dictionary<string, string>(s.Attributes); ProtectedAttributes = [.. s.ProtectedAttributes];
        ToneAdjustment = s.ToneAdjustment;
        return this;
    }
}
