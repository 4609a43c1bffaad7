using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ContentStudio.Core.Campaigns;
using ContentStudio.Core.Data.Live;
using ContentStudio.Core.Segments;
using ContentStudio.Core.Configuration;

namespace ContentStudio.Core.Generation;

public static class GenerationServiceCollectionExtensions
{
    /// <summary>Runs, the engine, the variant generator (unless one is registered already), live progress messages and the
    /// grid queries, with the campaigns and segments they work on. Needs AddStudioData, AddLlm, AddPrompts and an
    /// IBrandCatalog. Does not start the background worker: see <see cref="AddGenerationWorker"/>.</summary>
    public static IServiceCollection AddGeneration(this IServiceCollection services)
    {
        services.AddStudioOptions<GenerationOptions>(GenerationOptions.Section);
        services.AddLiveEvents().AddLiveEvent<RunProgress>();
        services.AddCampaigns().AddSegments();
        services.TryAddSingleton<IVariantGenerator, VariantGenerator>();
        services.TryAddSingleton<GenerationService>();
        services.TryAddSingleton<GenerationEngine>();
        services.TryAddSingleton<VariantQueries>();
        services.TryAddSingleton<RunHistory>();
        return services;
    }

    /// <summary>The hosted worker that processes runs in the background (web app; the CLI uses the engine directly).</summary>
    public static IServiceCollection AddGenerationWorker(this IServiceCollection services)
    {
        services.AddHostedService<GenerationWorker>();
        return services;
    }
}
