using ContentStudio.Core.Checks.CrossVariant;
using ContentStudio.Core.Checks.Judges;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Llm;
using ContentStudio.Core.Segments;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ContentStudio.Core.Checks;

public static class ChecksServiceCollectionExtensions
{
    /// <summary>The check pipeline factory (one pipeline per brand version, shared), the judge runner and the campaign
    /// check runner. The judges ask the configured model when a real provider is
    /// configured and Checks:JudgesEnabled is on; otherwise they report "not run".</summary>
    public static IServiceCollection AddChecks(this IServiceCollection services)
    {
        services.AddStudioOptions<ChecksOptions>(ChecksOptions.Section);
        services.AddStudioPaths();
        services.TryAddSingleton(sp =>
        {
            var llm = sp.GetService<ILlmDescriptor>();
            var live = llm is { IsOffline: false } && sp.GetRequiredService<IOptions<ChecksOptions>>().Value.JudgesEnabled;
            var folder = sp.GetRequiredService<StudioPaths>().Judges;
            var rubrics = Directory.Exists(folder) ? JudgeRubric.LoadFolder(folder) : [];
            return new LlmJudgeRunner(live ? sp.GetRequiredService<IChatClient>() : null, rubrics, live, sp.GetService<SecretRedactor>());
        });
        services.TryAddSingleton(sp => new CheckPipelineFactory(sp.GetRequiredService<LlmJudgeRunner>()));
        services.TryAddSingleton<CampaignCheckRunner>(_ => new CampaignCheckRunner());
        return services;
    }

    /// <summary>Item checks on every generated variant (between generation and saving) and on every edit, and campaign
    /// checks at the end of every run.</summary>
    public static IServiceCollection AddChecksInGeneration(this IServiceCollection services)
    {
        services.AddChecks();
        services.AddSegments(); // the judges and campaign checks read the segments
        services.AddSingleton<Generation.IVariantPostProcessor, Hooks.ItemCheckPostProcessor>();
        services.AddSingleton<Review.IVariantEditHook, Hooks.RecheckOnEdit>();
        services.AddSingleton<Generation.IRunCompletedHandler, Hooks.CampaignCheckHandler>();
        return services;
    }
}
