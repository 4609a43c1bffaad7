using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ContentStudio.Core.Campaigns;
using ContentStudio.Core.Data.Live;

namespace ContentStudio.Core.Generation;

public static class GenerationServiceCollectionExtensions
{
    /// <summary>Campaigns, runs, the engine, live progress messages and the grid queries. Needs AddStudioData, an
    /// IBrandCatalog and an IVariantGenerator. Does not start the background worker: see <see cref="AddGenerationWorker"/>.</summary>
    public static IServiceCollection AddGeneration(this IServiceCollection services)
    {
        services.AddOptions<GenerationOptions>().BindConfiguration(GenerationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddLiveEvents().AddLiveEvent<RunProgress>();
        services.TryAddSingleton<CampaignService>();
        services.TryAddSingleton<GenerationService>();
        services.TryAddSingleton<GenerationEngine>();
        services.TryAddSingleton<VariantQueries>();
        return services;
    }

    /// <summary>The hosted worker that processes runs in the background (web app; the CLI uses the engine directly).</summary>
    public static IServiceCollection AddGenerationWorker(this IServiceCollection services)
    {
        services.AddHostedService<GenerationWorker>();
        return services;
    }
}
