using ContentStudio.Core.Segments;

namespace ContentStudio.Core.Checks.CrossVariant;

/// <summary>Cross-segment fairness: segments that differ by a protected attribute (age, gender, ethnicity,
/// religion, disability, ...) must get the same offers, prices and benefits; words that stereotype one of them
/// (used for that segment only) are flagged; and reading level or tone must not drift between segments beyond
/// the thresholds (copy "written down" to one group).</summary>
public sealed class FairnessCheck(CampaignThresholds thresholds) : ICampaignCheck
{
    public const string OfferRule = "campaign.fairness.offer";
    public const string StereotypeRule = "campaign.fairness.stereotype";
    public const string ReadingGapRule = "campaign.fairness.reading-gap";
    public const string ToneGapRule = "campaign.fairness.tone-gap";

    public IReadOnlyList<string> RuleIds { get; } = [OfferRule, StereotypeRule, ReadingGapRule, ToneGapRule];
    public IReadOnlyList<string> Categories { get; } = [CheckCategories.Fairness];

    public void Run(CampaignCheckContext context)
    {
        var bySegment = context.Variants.Select((v, i) => (v, f: context.Features[i]))
            .GroupBy(x => x.v.Segment.Key).Select(g => g.ToList()).ToList();
        if (bySegment.Count < 2) return;
        for (var a = 0; a < bySegment.Count; a++)
            for (var b = a + 1; b < bySegment.Count; b++)
            {
                var sa = bySegment[a][0].v.Segment; var sb = bySegment[b][0].v.Segment;
                var differing = ProtectedDifferences(sa, sb);
                if (differing.Count == 0) continue;
                Offers(context, bySegment[a], bySegment[b], differing);
                Gaps(context, bySegment[a], bySegment[b], differing);
            }
        Stereotypes(context, bySegment);
    }

    /// <summary>The protected attributes (declared by either segment) on which the two segments differ.</summary>
    public static List<string> ProtectedDifferences(Segment a, Segment b) =>
        [.. a.ProtectedAttributes.Concat(b.ProtectedAttributes).Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(name => !string.Equals(Value(a, name), Value(b, name), StringComparison.OrdinalIgnoreCase))];

    internal static string Value(Segment s, string attribute) =>
        s.Attributes.FirstOrDefault(kv => kv.Key.Equals(attribute, StringComparison.OrdinalIgnoreCase)).Value
        ?? (attribute.Equals("age", StringComparison.OrdinalIgnoreCase) ? s.AgeBand : "");

    private static void Offers(CampaignCheckContext context, List<(CampaignVariant v, VariantFeatures f)> a,
        List<(CampaignVariant v, VariantFeatures f)> b, List<string> differing)
    {
        var offersA = a.SelectMany(x => x.f.Offers).ToHashSet();
        var offersB = b.SelectMany(x => x.f.Offers).ToHashSet();
        if (offersA.SetEquals(offersB)) return;
        var onlyA = offersA.Except(offersB).ToList();
        var onlyB = offersB.Except(offersA).ToList();
        var segA = a[0].v.Segment; var segB = b[0].v.Segment;
        var message = $"Segments \"{segA.Name}\" and \"{segB.Name}\" differ by protected attribute(s) {string.Join(", ", differing)} " +
            $"but get different offers: {Describe(segA.Name, onlyA)}{(onlyA.Count > 0 && onlyB.Count > 0 ? "; " : "")}{Describe(segB.Name, onlyB)}.";
        foreach (var (side, only) in new[] { (a, onlyA), (b, onlyB) })
        {
            if (only.Count == 0) continue;
            var holder = side.First(x => x.f.Offers.Overlaps(only));
            context.Add(holder.v, Locate(holder.v, only[0]) with { RuleId = OfferRule, Category = CheckCategories.Fairness, Severity = Severity.Blocker, Message = message, Suggestion = "give every segment the same offer" });
        }
    }

    private static string Describe(string segment, List<string> offers) =>
        offers.Count == 0 ? "" : $"only \"{segment}\" gets {string.Join(", ", offers.Select(o => $"\"{o}\""))}";

    private void Gaps(CampaignCheckContext context, List<(CampaignVariant v, VariantFeatures f)> a,
        List<(CampaignVariant v, VariantFeatures f)> b, List<string> differing)
    {
        // Reading level only means something over enough words.
        var ga = a.Where(x => x.f.Words >= 12).Select(x => x.f.Grade).DefaultIfEmpty(double.NaN).Average();
        var gb = b.Where(x => x.f.Words >= 12).Select(x => x.f.Grade).DefaultIfEmpty(double.NaN).Average();
        if (!double.IsNaN(ga) && !double.IsNaN(gb) && Math.Abs(ga - gb) > thresholds.ReadingGradeGap)
        {
            var lower = ga < gb ? a : b;
            context.Add(lower[0].v, Whole(lower[0].v, ReadingGapRule, Severity.Warning,
                $"Copy for \"{lower[0].v.Segment.Name}\" reads at grade {Math.Min(ga, gb):0.0} against {Math.Max(ga, gb):0.0} for the other segment, " +
                $"which differs by {string.Join(", ", differing)}: check it is not written down to them.", "align reading level across segments"));
        }
        var ta = a.Average(x => x.f.Intensity);
        var tb = b.Average(x => x.f.Intensity);
        if (Math.Abs(ta - tb) > thresholds.ToneGap)
        {
            var louder = ta > tb ? a : b;
            context.Add(louder[0].v, Whole(louder[0].v, ToneGapRule, Severity.Warning,
                $"Copy for \"{louder[0].v.Segment.Name}\" is much louder (exclamation marks, capitals, emoji: {Math.Max(ta, tb):0.0} vs {Math.Min(ta, tb):0.0} per 100 words) " +
                $"than for a segment that differs by {string.Join(", ", differing)}.", "use the same tone for both segments"));
        }
    }

    private static void Stereotypes(CampaignCheckContext context, List<List<(CampaignVariant v, VariantFeatures f)>> bySegment)
    {
        foreach (var group in bySegment)
        {
            var segment = group[0].v.Segment;
            foreach (var (attribute, words) in StereotypeLexicon.For(segment))
                foreach (var word in words)
                {
                    // A word every segment gets is the product talking; one only this group gets is an association.
                    var elsewhere = bySegment.Where(g => g != group).Any(g => g.Any(x => StereotypeLexicon.Contains(x.f.Text, word)));
                    if (elsewhere) continue;
                    foreach (var (v, f) in group)
                        if (StereotypeLexicon.Contains(f.Text, word))
                            context.Add(v, Locate(v, word) with
                            {
                                RuleId = StereotypeRule, Category = CheckCategories.Fairness, Severity = Severity.Warning,
                                Message = $"\"{word}\" appears only in copy for \"{segment.Name}\" ({attribute}: {Value(segment, attribute)}): a stereotyped association.",
                                Suggestion = "use the same benefits for every segment",
                            });
                }
        }
    }

    internal static Finding Locate(CampaignVariant v, string needle)
    {
        foreach (var (name, text) in v.Fields)
        {
            var at = text.IndexOf(needle, StringComparison.OrdinalIgnoreCase);
            if (at >= 0) return new Finding("", "", Severity.Info, name, at, needle.Length, text.Substring(at, needle.Length), "");
        }
        return new Finding("", "", Severity.Info, v.Fields.Keys.FirstOrDefault() ?? "", 0, 0, "", "");
    }

    private static Finding Whole(CampaignVariant v, string rule, Severity severity, string message, string suggestion)
    {
        var name = v.Fields.OrderByDescending(kv => kv.Value.Length).FirstOrDefault().Key;
        return new Finding(rule, CheckCategories.Fairness, severity, name ?? "", 0, 0, "", message, suggestion);
    }
}
