using ContentStudio.Core.Channels;
using ContentStudio.Core.Checks;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Web.Tests.Components.Campaigns;

/// <summary>Variants and grids as the campaign page receives them from <see cref="VariantQueries"/>.</summary>
internal static class GridTestData
{
    private static readonly VariantProvenance Provenance = new("email", "v1", "offline", "composer", "abc", 10, 20, 5, 1);

    public static VariantView Variant(string segment, ChannelKind channel, Gate? gate, int index = 0, VariantOutcome outcome = VariantOutcome.Ok,
        IReadOnlyDictionary<string, string>? fields = null, VariantLineage? lineage = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), segment, channel, index,
            fields ?? new Dictionary<string, string> { ["subject"] = "Fresh beans", ["body"] = "Our new blend is here." },
            outcome, outcome == VariantOutcome.Ok ? null : "The model's answer had no body.", "", ReviewState.Generated, "hash", Provenance,
            DateTime.UtcNow, gate, gate is null ? null : 80, Lineage: lineage);

    public static VariantGrid Grid(IReadOnlyList<string> segments, IReadOnlyList<ChannelKind> channels, params VariantView[] variants) =>
        new(Guid.NewGuid(), null, segments, channels,
            [.. from s in segments from c in channels
                select new GridCell(s, c, variants.Where(v => v.SegmentKey == s && v.Channel == c).ToList(), 0)]);
}
