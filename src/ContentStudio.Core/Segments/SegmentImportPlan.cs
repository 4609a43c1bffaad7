using System.Text.Json;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Segments;

/// <summary>What an import would do to a brand's segments, shown before the person confirms it: the keys added,
/// changed and removed (an import replaces the whole list), and those left as they are.</summary>
public sealed record SegmentImportPlan(IReadOnlyList<string> Added, IReadOnlyList<string> Changed, IReadOnlyList<string> Removed,
    IReadOnlyList<string> Unchanged)
{
    public int Parsed => Added.Count + Changed.Count + Unchanged.Count;
    public bool ChangesAnything => Added.Count + Changed.Count + Removed.Count > 0;

    public static SegmentImportPlan Compare(IReadOnlyList<Segment> current, IReadOnlyList<Segment> incoming)
    {
        var before = current.ToDictionary(s => s.Key, Fingerprint, StringComparer.Ordinal);
        var added = new List<string>(); var changed = new List<string>(); var unchanged = new List<string>();
        foreach (var s in incoming)
        {
            if (!before.Remove(s.Key, out var old)) added.Add(s.Key);
            else if (old != Fingerprint(s)) changed.Add(s.Key);
            else unchanged.Add(s.Key);
        }
        return new(added.Order().ToList(), changed.Order().ToList(), before.Keys.Order().ToList(), unchanged.Order().ToList());
    }

    /// <summary>Everything a segment says, in one canonical text (attributes sorted: a dictionary's order is no change).</summary>
    private static string Fingerprint(Segment s) => JsonSerializer.Serialize(s with
    {
        Attributes = new SortedDictionary<string, string>(s.Attributes.ToDictionary(p => p.Key.ToLowerInvariant(), p => p.Value), StringComparer.Ordinal),
    }, StudioJson.Options);
}
