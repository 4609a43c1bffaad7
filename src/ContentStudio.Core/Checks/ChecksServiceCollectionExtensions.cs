using ContentStudio.Core.Checks.Campaign;
using ContentStudio.Core.Checks.Command;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContentStudio.Core.Checks;

public static class ChecksServiceCollectionExtensions
{
    /// <summary>The check pipeline factory (one pipeline per brand version, shared), the campaign check runner
    /// and the Core half of `studio check`. IBrandCatalog is optional: without it --brand is rejected.</summary>
    public static IServiceCollection AddChecks(this IServiceCollection services)
    {
        services.TryAddSingleton<CheckPipelineFactory>(_ => new CheckPipelineFactory());
        services.TryAddSingleton<CampaignCheckRunner>(_ => new CampaignCheckRunner());
        services.TryAddSingleton<CheckCommandCore>(sp =>
            new CheckCommandCore(sp.GetRequiredService<CheckPipelineFactory>(), sp.GetService<Brands.IBrandCatalog>()));
        return services;
    }

    /// <summary>Item checks on every generated variant and campaign checks at the end of every run.</summary>
    public static IServiceCollection AddChecksInGeneration(this IServiceCollection services)
    {
        services.AddChecks();
        services.AddSingleton<Core.Generation.IVariantPostProcessor, Hooks.ItemCheckPostProcessor>();
        services.AddSingleton<Core.Generation.IRunCompletedHandler, Hooks.CampaignCheckHandler>();
        return services;
    }
}
