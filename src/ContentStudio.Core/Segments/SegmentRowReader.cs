using ContentStudio.Core.Brands;

namespace ContentStudio.Core.Segments;

/// <summary>Turns one CSV row into a segment, reporting each bad cell by column name.</summary>
internal static class SegmentRowReader
{
    public static Segment? Read(string brandSlug, string[] headers, Dictionary<string, int> columns, string[] fields, Action<string> error)
    {
        var failed = false;
        void Fail(string message) { failed = true; error(message); }
        string Cell(string column) => columns.TryGetValue(column, out var i) ? fields[i].Trim() : "";

        var key = Cell(SegmentColumns.Key);
        var name = Cell(SegmentColumns.Name);
        if (key.Length == 0) Fail("Column 'key' is empty; every segment needs a key such as 'young-professionals'.");
        else if (!NamingRules.IsKebabCase(key)) Fail($"Column 'key': '{key}' must be kebab-case (lower-case words joined by '-', e.g. 'young-professionals').");
        if (name.Length == 0) Fail("Column 'name' is empty; every segment needs a display name.");
        var locale = Cell(SegmentColumns.Locale);
        if (locale.Length > 0 && !NamingRules.IsLocale(locale)) Fail($"Column 'locale': '{locale}' must look like 'en-US'.");
        var ageBand = Cell(SegmentColumns.AgeBand);
        if (ageBand.Length > 0 && SegmentValues.AgeBandProblem(ageBand) is { } ageProblem) Fail($"Column 'age_band': {ageProblem}");
        for (var i = 0; i < headers.Length; i++)
            if (fields[i].Length > SegmentValues.MaxCellLength)
                Fail($"Column '{headers[i]}': the value is {fields[i].Length} characters long; the limit is {SegmentValues.MaxCellLength}.");

        // Free attributes: every column that is not a known one. Empty cells are left out (the segment has no value).
        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < headers.Length; i++)
            if (!columns.ContainsValue(i) && headers[i].Length > 0 && fields[i].Trim() is { Length: > 0 } value)
                attributes[headers[i]] = value;

        var protectedNames = List(Cell(SegmentColumns.ProtectedAttributes));
        var nameable = SegmentColumns.Protectable.Where(columns.ContainsKey)
            .Concat(headers.Where((h, i) => h.Length > 0 && !columns.ContainsValue(i))).ToList();
        foreach (var attribute in protectedNames)
        {
            if (nameable.Contains(attribute, StringComparer.OrdinalIgnoreCase)) continue;
            Fail($"Column 'protected_attributes': '{attribute}' names no attribute column.{NameSuggester.DidYouMean(attribute, nameable)} " +
                 $"Available: {(nameable.Count > 0 ? string.Join(", ", nameable) : "none; add the attribute as a column")}.");
        }
        if (failed) return null;

        return new Segment
        {
            Key = key,
            BrandSlug = brandSlug,
            Name = name,
            Description = Cell(SegmentColumns.Description),
            AgeBand = ageBand,
            Locale = locale.Length > 0 ? locale : "en-US",
            LifecycleStage = Cell(SegmentColumns.LifecycleStage),
            Interests = List(Cell(SegmentColumns.Interests)),
            PainPoints = List(Cell(SegmentColumns.PainPoints)),
            Attributes = attributes,
            // Spelled as the column is, so a checker can look the value up by the same name.
            ProtectedAttributes = protectedNames.Select(p => nameable.First(n => string.Equals(n, p, StringComparison.OrdinalIgnoreCase))).Distinct().ToList(),
            ToneAdjustment = Cell(SegmentColumns.ToneAdjustment),
        };
    }

    public static List<string> List(string cell) =>
        cell.Split(SegmentColumns.ListSeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
}
