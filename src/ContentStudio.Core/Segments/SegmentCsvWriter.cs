using CsvHelper;

namespace ContentStudio.Core.Segments;

/// <summary>Writes segments in the format <see cref="SegmentCsvImporter"/> reads, so an export imports back
/// unchanged (empty free attributes aside: an empty cell means "no value").</summary>
public static class SegmentCsvWriter
{
    public static void Write(IEnumerable<Segment> segments, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(writer);
        var list = segments.ToList();
        // Free attribute columns: every attribute any segment has, and every protected attribute that is not a
        // built-in column, so the import can resolve each protected name. Ordinal order keeps exports diffable.
        var attributeColumns = list.SelectMany(s => s.Attributes.Keys)
            .Concat(list.SelectMany(s => s.ProtectedAttributes).Where(p => !SegmentColumns.Known.Contains(p, StringComparer.OrdinalIgnoreCase)))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();

        using var csv = CsvWriter.Create(writer, CsvWriterOptions.Default with { NewLine = "\n" }, true);
        csv.WriteHeader([.. SegmentColumns.Known, .. attributeColumns]);
        foreach (var s in list)
        {
            var attributes = new Dictionary<string, string>(s.Attributes, StringComparer.OrdinalIgnoreCase);
            csv.WriteRecord([
                s.Key, s.Name, s.Description, s.AgeBand, s.Locale, s.LifecycleStage,
                Join(s.Interests, s.Key, "interests"), Join(s.PainPoints, s.Key, "pain_points"),
                Join(s.ProtectedAttributes, s.Key, "protected_attributes"), s.ToneAdjustment,
                .. attributeColumns.Select(c => attributes.GetValueOrDefault(c, "")),
            ]);
        }
    }

    static string Join(IReadOnlyList<string> items, string key, string column)
    {
        // A ';' inside an item would split it in two on import: refuse rather than export something that changes.
        if (items.FirstOrDefault(i => i.Contains(SegmentColumns.ListSeparator)) is { } bad)
            throw new ArgumentException($"Segment '{key}', {column}: '{bad}' contains '{SegmentColumns.ListSeparator}', the list separator.");
        return string.Join(SegmentColumns.ListSeparator, items);
    }
}
