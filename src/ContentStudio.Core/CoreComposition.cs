using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ContentStudio.Core.Brands;
using ContentStudio.Core.Checks;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Hosting;
using ContentStudio.Core.Data;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Identity;
using ContentStudio.Core.Insights;
using ContentStudio.Core.Llm;
using ContentStudio.Core.Generation.Offline;
using ContentStudio.Core.Prompts;
using ContentStudio.Core.Publishing;
using ContentStudio.Core.TemplateStudio;
using ContentStudio.Core.Review;
using ContentStudio.Core.Segments;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContentStudio.Core;

/// <summary>The one place Core's services are wired; the web app and the CLI both call it.</summary>
public static class CoreComposition
{
    public static IServiceCollection AddContentStudioCore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.TryAddSingleton(configuration);
        services.AddBrands();
        services.AddPrompts();
        services.AddStudioData();
        services.AddOfflineComposer();
        services.AddLlm(sp => sp.GetRequiredService<OfflineComposer>());
        services.AddStudioTelemetryOptions(); // the providers themselves are the host's: AddStudioTelemetry
        services.AddGeneration();
        services.AddChecksInGeneration();
        services.AddTemplateStudio();
        services.AddReview();
        services.AddStudioIdentity();
        services.AddPublishing();
        services.AddInsights();
        services.AddSingleton<IApprovalEvidenceSource, ReviewApprovalEvidence>();
        return services;
    }

    /// <summary>Start-up work, in order: validate every setting (nothing below runs on a bad one), create or upgrade the database, seed new prompt template versions from
    /// prompts/ (the first version of a template is released), then seed each brand's sample
    /// segments (brand-guides/&lt;brand&gt;.segments.csv) where the brand has none yet.</summary>
    public static async Task InitializeContentStudioAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        services.ValidateSettings();
        await DatabaseInitializer.MigrateAsync(services, ct);
        await TemplateSeeder.SeedAsync(services, ct);
        var log = services.GetService<ILoggerFactory>()?.CreateLogger("ContentStudio.Startup") ?? NullLogger.Instance;
        var catalog = services.GetRequiredService<IBrandCatalog>();
        foreach (var error in catalog.Errors) log.LogWarning("Brand guide problem: {Error}", error);
        var samples = SegmentCatalogFiles.LoadSamples(catalog.Folder);
        foreach (var error in samples.Errors) log.LogWarning("Segment file problem: {Error}", error);
        var added = await services.GetRequiredService<SegmentStore>().SeedIfEmptyAsync(samples.Segments, ct);
        if (added > 0) log.LogInformation("Seeded {Count} sample segments from {Folder}", added, catalog.Folder);
    }
}
