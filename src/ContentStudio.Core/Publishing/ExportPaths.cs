namespace ContentStudio.Core.Publishing;

/// <summary>Where a file-export target writes: inside Publishing:ExportRoot, never outside it ("../" or an absolute
/// path elsewhere is refused), so a target cannot be aimed at the studio's own files.</summary>
public static class ExportPaths
{
    public static string Resolve(string exportRoot, string? folder)
    {
        if (string.IsNullOrWhiteSpace(folder)) throw new PublishingException("a file-export target needs a folder");
        var root = Path.GetFullPath(string.IsNullOrWhiteSpace(exportRoot) ? "exports" : exportRoot);
        var full = Path.GetFullPath(Path.Combine(root, folder));
        var rootWithSep = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        if (full != root && !full.StartsWith(rootWithSep, StringComparison.Ordinal))
            throw new PublishingException($"export folder '{folder}' resolves to {full}, outside Publishing:ExportRoot ({root})");
        return full;
    }
}
