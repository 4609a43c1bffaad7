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
}
