using ContentStudio.Core.Segments;

namespace ContentStudio.Core.Checks.CrossVariant;

/// <summary>How two segments compare for fairness: the protected attributes they differ on, and whether an attribute
/// that legitimately justifies a difference (language, locale, market, product fit, accessibility needs) differs too.</summary>
public static class SegmentComparison
{
    /// <summary>The protected attributes (declared by either segment) on which the two segments differ.</summary>
    public static List<string> ProtectedDifferences(Segment a, Segment b) =>
        [.. a.ProtectedAttributes.Concat(b.ProtectedAttributes).Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(name => !Same(Value(a, name), Value(b, name)))];

    /// <summary>A justifying attribute (each segment's own list, or the defaults when it declares none) on which they differ.</summary>
    public static string? Justification(Segment a, Segment b)
    {
        static IEnumerable<string> Of(Segment s) => s.JustifyingAttributes.Count > 0 ? s.JustifyingAttributes : Segment.DefaultJustifyingAttributes;
        return Of(a).Concat(Of(b)).Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(name => !a.ProtectedAttributes.Contains(name, StringComparer.OrdinalIgnoreCase))
            .FirstOrDefault(name => Value(a, name).Length + Value(b, name).Length > 0 && !Same(Value(a, name), Value(b, name)));
    }

    /// <summary>The protected attributes a difference between the two segments would be about, or none when they
    /// do not differ on one or a justifying attribute explains the difference.</summary>
    public static List<string> Unjustified(Segment a, Segment b) =>
        Justification(a, b) is null ? ProtectedDifferences(a, b) : [];

    public static string Value(Segment s, string attribute)
    {
        foreach (var (k, v) in s.Attributes)
            if (FairnessVocabulary.Norm(k) == FairnessVocabulary.Norm(attribute)) return v;
        return FairnessVocabulary.Norm(attribute) switch
        {
            "age" or "age-band" => s.AgeBand,
            "locale" => s.Locale,
            "lifecycle" or "lifecycle-stage" => s.LifecycleStage,
            _ => "",
        };
    }

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
