using ContentStudio.Core.Kernel;
namespace ContentStudio.Core.Brands;

/// <summary>The brands parsed from the brand-guides folder, and the problems found in guides that failed.</summary>
public interface IBrandCatalog
{
    /// <summary>The folder the guides (and their segment CSVs) are read from.</summary>
    string Folder { get; }
    IReadOnlyList<Brand> Brands { get; }
    /// <summary>Problems by file and line; a guide with errors is not in <see cref="Brands"/>.</summary>
    IReadOnlyList<SourceError> Errors { get; }
    Brand? Find(string slug);
    /// <summary>Reads the folder again (after a guide was edited).</summary>
    void Reload();
}
