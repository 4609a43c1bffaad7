using ContentStudio.Core.Brands;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Segments;

/// <summary>The sample segment files kept beside the guides (brand-guides/&lt;slug&gt;.segments.csv), used to seed
/// the database.</summary>
public static class SegmentCatalogFiles
{
    public const string Suffix = ".segments.csv";

    /// <summary>Imports every &lt;slug&gt;.segments.csv of the folder in file-name order. Each file is all-or-nothing on
    /// its own: a broken file adds its errors and no segments, the others still load.</summary>
    public static SegmentImportResult LoadSamples(string brandGuidesFolder)
    {
        if (!Directory.Exists(brandGuidesFolder))
            return new([], [new SourceError(brandGuidesFolder, 0, "The brand guide folder does not exist, so no sample segments were loaded.")]);

        var segments = new List<Segment>();
        var errors = new List<SourceError>();
        var files = Directory.GetFiles(brandGuidesFolder, "*" + Suffix).Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var slug = Path.GetFileName(file)[..^Suffix.Length].ToLowerInvariant();
            try
            {
                using var reader = new StreamReader(file);
                var result = SegmentCsvImporter.Import(slug, reader, file);
                segments.AddRange(result.Segments);
                errors.AddRange(result.Errors);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                errors.Add(new SourceError(file, 0, $"Cannot read the segment file: {ex.Message}"));
            }
        }
        return new(segments, errors);
    }
}
