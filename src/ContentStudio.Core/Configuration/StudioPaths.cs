using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ContentStudio.Core.Configuration;

/// <summary>The folders the studio reads and writes, resolved once from <see cref="StudioOptions"/>: every feature
/// asks this instead of resolving the configured strings itself (brand guides, prompts, judges' rubrics, data).</summary>
public sealed class StudioPaths(IOptions<StudioOptions> options)
{
    private readonly Lazy<(string Brands, string Prompts, string Data)> _resolved = new(() =>
    {
        var o = options.Value;
        return (RepoPaths.Resolve(o.BrandGuidesPath, AppContext.BaseDirectory, Directory.GetCurrentDirectory()),
            RepoPaths.Resolve(o.PromptsPath, AppContext.BaseDirectory, Directory.GetCurrentDirectory()),
            RepoPaths.ResolveDataFolder(o.DataPath));
    });

    public string BrandGuides => _resolved.Value.Brands;
    public string Prompts => _resolved.Value.Prompts;
    public string Judges => Path.Combine(Prompts, "judges");
    public string Data => _resolved.Value.Data;

    /// <summary>A folder a person typed on the command line: relative to where they are, before the app's folder.</summary>
    public static string FromCommandLine(string typed) => RepoPaths.Resolve(typed, Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
}

public static class StudioPathsServiceCollectionExtensions
{
    public static IServiceCollection AddStudioPaths(this IServiceCollection services)
    {
        services.AddStudioOptions<StudioOptions>(StudioOptions.Section);
        services.TryAddSingleton<StudioPaths>();
        return services;
    }
}
