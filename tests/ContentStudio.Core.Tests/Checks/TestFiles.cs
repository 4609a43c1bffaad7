namespace ContentStudio.Core.Tests.Checks;

/// <summary>Finds the test data files in the source tree (the test project copies nothing to its output).</summary>
internal static class TestFiles
{
    public static string ChecksFolder { get; } = Path.Combine(RepoRoot(), "tests", "ContentStudio.Core.Tests", "Checks");

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ContentStudio.sln"))) return dir.FullName;
        throw new InvalidOperationException($"ContentStudio.sln not found above {AppContext.BaseDirectory}");
    }
}
