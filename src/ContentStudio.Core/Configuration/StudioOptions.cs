using System.ComponentModel.DataAnnotations;

namespace ContentStudio.Core.Configuration;

/// <summary>Section "Studio": where the content the studio reads and writes lives.</summary>
public sealed class StudioOptions
{
    public const string Section = "Studio";

    /// <summary>Folder of brand guides (brand-guides/*.md). Relative paths are looked up from the app's
    /// folder upwards, so the repository's folder is found when running from a clone.</summary>
    [Required] public string BrandGuidesPath { get; set; } = "brand-guides";

    /// <summary>Folder of prompt templates (prompts/*.prompt.md).</summary>
    [Required] public string PromptsPath { get; set; } = "prompts";

    /// <summary>Folder for the SQLite database and other local data. Relative to the current directory.</summary>
    [Required] public string DataPath { get; set; } = "data";
}
