namespace ContentStudio.Core.Configuration;

/// <summary>Resolves a configured folder. Absolute paths are used as they are; relative ones are looked up
/// from each start folder upwards, so `dotnet run` from src/ContentStudio.Web finds the repository's
/// brand-guides/ and prompts/.</summary>
public static class RepoPaths
{
    public static string Resolve(string configured, params string[] startFolders)
    {
        if (Path.IsPathRooted(configured)) return configured;
        foreach (var start in startFolders.Where(s => !string.IsNullOrEmpty(s)))
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, configured);
                if (Directory.Exists(candidate)) return candidate;
            }
        }
        return Path.GetFullPath(configured);
    }

    /// <summary>The folder for local data. A relative path is taken from the repository's root when running
    /// from a clone (the folder holding ContentStudio.sln), so the web app and the CLI share one database;
    /// elsewhere from the current directory.</summary>
    public static string ResolveDataFolder(string configured)
    {
        if (Path.IsPathRooted(configured)) return configured;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "ContentStudio.sln"))) return Path.Combine(dir.FullName, configured);
        }
        return Path.GetFullPath(configured);
    }
}
