using ContentStudio.Core;
using ContentStudio.Core.Brands;
using ContentStudio.Core.Checks;
using ContentStudio.Core.Data;
using ContentStudio.Core.Llm;
using ContentStudio.Core.Prompts;
using ContentStudio.Core.TemplateStudio;
using ContentStudio.Core.Segments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContentStudio.Cli.Commands;

/// <summary>The template studio's services for one CLI call: the registered ones when Core's composition adds
/// AddTemplateStudio, else built here over the same database, model pipeline and settings.</summary>
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

    private static PromptsTemplateServices From(ServiceProvider sp)
    {
        if (sp.GetService<TemplateStore>() is { } registered)
            return new(sp, registered, sp.GetRequiredService<TemplateEvaluator>(), sp.GetRequiredService<ReleasedPromptCatalog>());
        var gate = new TemplateGateOptions();
        sp.GetService<IConfiguration>()?.GetSection(TemplateGateOptions.Section).Bind(gate);
        var options = Options.Create(gate);
        var db = sp.GetRequiredService<IDbContextFactory<StudioDbContext>>();
        var clock = sp.GetService<TimeProvider>() ?? TimeProvider.System;
        var files = sp.GetRequiredService<PromptCatalog>();
        var released = new ReleasedPromptCatalog(db, files, clock);
        var store = new TemplateStore(db, clock, options, released);
        var evaluator = new TemplateEvaluator(db, released, files, sp.GetRequiredService<IBrandCatalog>(), sp.GetRequiredService<SegmentStore>(),
            sp.GetRequiredService<IPromptRenderer>(), sp.GetRequiredService<IChatClient>(), sp.GetRequiredService<ILlmDescriptor>(),
            sp.GetService<CheckPipelineFactory>() ?? new CheckPipelineFactory(), options, clock);
        return new(sp, store, evaluator, released);
    }

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
