namespace ContentStudio.Core.Segments;

/// <summary>The column names of a segment CSV (brand-guides/README.md documents them). Any other column is a
/// free attribute (gender, region, income_band, ...).</summary>
public static class SegmentColumns
{
    public const string Key = "key";
    public const string Name = "name";
    public const string Description = "description";
    public const string AgeBand = "age_band";
    public const string Locale = "locale";
    public const string LifecycleStage = "lifecycle_stage";
    public const string Interests = "interests";
    public const string PainPoints = "pain_points";
    public const string ProtectedAttributes = "protected_attributes";
    public const string ToneAdjustment = "tone_adjustment";

    /// <summary>Separator of the list columns (interests, pain_points, protected_attributes).</summary>
    public const char ListSeparator = ';';

    public static IReadOnlyList<string> Known { get; } =
        [Key, Name, Description, AgeBand, Locale, LifecycleStage, Interests, PainPoints, ProtectedAttributes, ToneAdjustment];

    /// <summary>Built-in columns a protected attribute may name (besides the free attribute columns).</summary>
    public static IReadOnlyList<string> Protectable { get; } = [AgeBand, Locale, LifecycleStage];
}
