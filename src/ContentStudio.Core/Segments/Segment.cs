namespace ContentStudio.Core.Segments;

/// <summary>A named audience of a brand.</summary>
public sealed record Segment
{
    /// <summary>Stable key, unique within the brand (kebab-case), e.g. "young-professionals".</summary>
    public required string Key { get; init; }
    public required string BrandSlug { get; init; }
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public string AgeBand { get; init; } = "";
    public string Locale { get; init; } = "en-US";
    /// <summary>e.g. prospect, new, active, lapsed, loyal.</summary>
    public string LifecycleStage { get; init; } = "";
    public IReadOnlyList<string> Interests { get; init; } = [];
    public IReadOnlyList<string> PainPoints { get; init; } = [];
    /// <summary>Other attributes from the CDP (gender, region, income band, ...).</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();
    /// <summary>Names of attributes that are protected (age, gender, ethnicity, religion, disability, ...):
    /// copy must not differ in offer, price or benefit by them.</summary>
    public IReadOnlyList<string> ProtectedAttributes { get; init; } = [];
    /// <summary>Names of attributes that legitimately justify a difference in copy (language, locale, market,
    /// product fit, accessibility needs). Empty means <see cref="DefaultJustifyingAttributes"/>.</summary>
    public IReadOnlyList<string> JustifyingAttributes { get; init; } = [];
    public static IReadOnlyList<string> DefaultJustifyingAttributes { get; } = ["locale", "language", "market", "country", "product", "accessibility"];
    /// <summary>How to shift the brand's tone for this audience, e.g. "plainer, more reassuring".</summary>
    public string ToneAdjustment { get; init; } = "";
}
