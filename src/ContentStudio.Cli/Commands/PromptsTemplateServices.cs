using ContentStudio.Core;
using ContentStudio.Core.Prompts;
using ContentStudio.Core.TemplateStudio;
using Microsoft.Extensions.DependencyInjection;

namespace ContentStudio.Cli.Commands;

/// <summary>The template studio's services for one CLI call, as Core's composition registers them.</summary>
internal sealed record PromptsTemplateServices(ServiceProvider Services, TemplateStore Store, TemplateEvaluator Evaluator, ReleasedPromptCatalog Released) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Services.DisposeAsync();

    /// <summary>Builds the host, migrates and seeds the template versions from the prompts folder.</summary>
    public static async Task<PromptsTemplateServices> StartAsync(CancellationToken ct)
    {
        var sp = CliHost.Build();
        await sp.InitializeContentStudioAsync(ct);
        var t = From(sp);
        await TemplateSeeder.SeedAsync(t.Store, sp.GetRequiredService<PromptCatalog>().Folder, null, ct);
        return t;
    }

    private static PromptsTemplateServices From(ServiceProvider sp) =>
        new(sp, sp.GetRequiredService<TemplateStore>(), sp.GetRequiredService<TemplateEvaluator>(), sp.GetRequiredService<ReleasedPromptCatalog>());

    /// <summary>A version by number or label; writes the usage error and returns null when there is none.</summary>
    public async Task<PromptTemplateVersion?> VersionAsync(string template, string reference, CancellationToken ct)
    {
        var version = await Store.FindAsync(template, reference, ct);
        if (version is not null) return version;
        var history = await Store.HistoryAsync(template, ct);
        Console.Error.WriteLine(history is null
            ? $"error: there is no template '{template}' (known: {string.Join(", ", (await Store.ListAsync(ct)).Select(s => s.Name))})"
            : $"error: template '{template}' has no version '{reference}' (versions 1 to {history.Versions.Count}, or a label such as {history.Versions[0].Version})");
        return null;
    }
}
