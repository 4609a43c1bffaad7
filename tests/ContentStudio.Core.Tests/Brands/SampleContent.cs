using ContentStudio.Core.Configuration;

namespace ContentStudio.Core.Tests.Brands;

/// <summary>The repository's brand-guides/ folder, found from the test binaries upwards as the app finds it.</summary>
public static class SampleContent
{
    public static string BrandGuidesFolder { get; } = RepoPaths.Resolve("brand-guides", AppContext.BaseDirectory);

    public static string GuidePath(string slug) => Path.Combine(BrandGuidesFolder, slug + ".md");

    public static string SegmentsPath(string slug) => Path.Combine(BrandGuidesFolder, slug + ".segments.csv");
}

/// <summary>A scratch folder deleted after the test.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("cs-brands-").FullName;

    public string Write(string fileName, string text)
    {
        var file = System.IO.Path.Combine(Path, fileName);
        File.WriteAllText(file, text);
        return file;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
