using ContentStudio.Core.Kernel;
namespace ContentStudio.Core.Brands;

/// <summary>Every guide in a folder (*.md except README.md), parsed in file-name order. A guide with errors is
/// left out and its errors are listed, so one broken guide never takes the others down.</summary>
public sealed class BrandCatalog : IBrandCatalog
{
    sealed record Snapshot(IReadOnlyList<Brand> Brands, IReadOnlyList<SourceError> Errors);

    readonly Lock reloadLock = new();
    // Readers take the snapshot reference once; Reload swaps in a complete new one, so nobody sees half a reload.
    volatile Snapshot snapshot;

    public BrandCatalog(string folder)
    {
        Folder = folder;
        snapshot = Load(folder);
    }

    /// <summary>The folder the guides are read from (after configuration was resolved).</summary>
    public string Folder { get; }

    public IReadOnlyList<Brand> Brands => snapshot.Brands;

    public IReadOnlyList<SourceError> Errors => snapshot.Errors;

    public Brand? Find(string slug) =>
        snapshot.Brands.FirstOrDefault(b => string.Equals(b.Slug, slug?.Trim(), StringComparison.OrdinalIgnoreCase));

    public void Reload()
    {
        lock (reloadLock) snapshot = Load(Folder);
    }

    /// <summary>The guide files of a folder in a stable order (ordinal, so the result is the same on every OS).</summary>
    public static IReadOnlyList<string> GuideFiles(string folder) =>
        Directory.GetFiles(folder, "*.md")
            .Where(f => !string.Equals(Path.GetFileName(f), "README.md", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();

    static Snapshot Load(string folder)
    {
        if (!Directory.Exists(folder))
            return new([], [new SourceError(folder, 0, "The brand guide folder does not exist; set Studio:BrandGuidesPath to the folder holding the <slug>.md guides.")]);

        var brands = new List<Brand>();
        var errors = new List<SourceError>();
        var slugs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in GuideFiles(folder))
        {
            string text;
            try { text = File.ReadAllText(file); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                errors.Add(new SourceError(file, 0, $"Cannot read the guide: {ex.Message}"));
                continue;
            }
            var result = BrandGuideParser.Parse(file, text);
            errors.AddRange(result.Errors);
            if (result.Brand is not { } brand) continue;
            if (!slugs.TryAdd(brand.Slug, file))
            {
                errors.Add(new SourceError(file, 0, $"Slug '{brand.Slug}' is already used by {slugs[brand.Slug]}; slugs must be unique."));
                continue;
            }
            brands.Add(brand);
        }
        if (brands.Count == 0 && errors.Count == 0)
            errors.Add(new SourceError(folder, 0, "The brand guide folder holds no guides (<slug>.md)."));
        return new(brands, errors);
    }
}
