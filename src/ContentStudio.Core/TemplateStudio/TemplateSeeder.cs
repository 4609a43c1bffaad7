using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ContentStudio.Core.Prompts;

namespace ContentStudio.Core.TemplateStudio;

/// <summary>Start-up: stores each prompts/*.prompt.md as a version when its text is new, and releases it when the
/// template has no released version yet (the first seed). An edited file becomes a new, unreleased version: it
/// goes out through evaluation and the gate like any other.</summary>
public static class TemplateSeeder
{
    /// <summary>Returns how many new versions were stored. Needs AddPrompts and AddTemplateStudio; run after the migration.</summary>
    public static async Task<int> SeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var log = services.GetService<ILoggerFactory>()?.CreateLogger("ContentStudio.Templates") ?? NullLogger.Instance;
        var folder = services.GetRequiredService<PromptCatalog>().Folder;
        return await SeedAsync(services.GetRequiredService<TemplateStore>(), folder, log, ct);
    }

    public static async Task<int> SeedAsync(TemplateStore store, string folder, ILogger? log = null, CancellationToken ct = default)
    {
        log ??= NullLogger.Instance;
        if (!Directory.Exists(folder)) { log.LogWarning("Prompt templates folder not found: {Folder}", folder); return 0; }
        var added = 0;
        foreach (var path in Directory.GetFiles(folder, "*" + TemplateText.Extension).Order(StringComparer.Ordinal))
        {
            var result = await store.SaveFileAsync(path, "seed", $"seeded from {Path.GetFileName(path)}", ct);
            if (result.Version is not { } version)
            {
                foreach (var e in result.Errors.Where(e => !e.IsWarning)) log.LogWarning("Prompt template not seeded: {Error}", e);
                continue;
            }
            if (result.Created) { added++; log.LogInformation("Stored {Template} version {Number} ({Label})", version.TemplateName, version.Number, version.Version); }
            if (await store.ReleaseSeedAsync(version, ct)) log.LogInformation("Released {Template} version {Number} (first seed)", version.TemplateName, version.Number);
        }
        return added;
    }
}
