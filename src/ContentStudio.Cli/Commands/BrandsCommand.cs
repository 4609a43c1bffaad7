using System.CommandLine;
using ContentStudio.Core.Brands;
using ContentStudio.Core.Segments;

namespace ContentStudio.Cli.Commands;

/// <summary>`studio brands validate [--path DIR]`: parses every guide and segment CSV, prints each problem as
/// file:line: message. Exit 0 when all are valid, 1 when any has an error.</summary>
internal static class BrandsCommand
{
    public static Command Build()
    {
        var path = new Option<string?>("--path") { Description = "Folder of brand guides (default: Studio:BrandGuidesPath, brand-guides/)" };
        var validate = new Command("validate", "Check every brand guide and segment CSV; print problems with file and line.") { path };
        validate.SetAction(result =>
        {
            var folder = path.ResolveFolder(result, o => o.BrandGuidesPath);
            var catalog = new BrandCatalog(folder);
            var segments = SegmentCatalogFiles.LoadSamples(folder);
            foreach (var brand in catalog.Brands)
                Console.WriteLine($"ok    {brand.Slug} ({Path.GetFileName(brand.SourcePath)}): {brand.Name}, {brand.Claims.Count} claims, {brand.ProductNames.Count} products");
            Console.WriteLine($"ok    {segments.Segments.Count} segments in {folder}/*{SegmentCatalogFiles.Suffix}");
            return SourceReport.Print(catalog.Errors.Concat(segments.Errors).ToList());
        });
        return new Command("brands", "Brand guides.") { validate };
    }
}
