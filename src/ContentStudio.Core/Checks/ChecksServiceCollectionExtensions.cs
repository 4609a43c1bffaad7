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
        services.AddOptions<ChecksOptions>().BindConfiguration(ChecksOptions.Section);
        services.AddSingleton<Core.Generation.IVariantPostProcessor, Hooks.ItemCheckPostProcessor>();
        services.AddSingleton<Review.IVariantEditHook, Hooks.RecheckOnEdit>();
        // With a real model the judges run between generation and saving (never inside the save transaction);
        // with the offline composer the item pipeline reports them "not run".
        services.AddSingleton<Core.Generation.VariantGenerator>();
        services.AddSingleton(sp =>
        {
            var llm = sp.GetRequiredService<Llm.ILlmDescriptor>();
            var studio = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Configuration.StudioOptions>>().Value;
            var folder = Path.Combine(Configuration.RepoPaths.Resolve(studio.PromptsPath, AppContext.BaseDirectory, Directory.GetCurrentDirectory()), "judges");
            var rubrics = Directory.Exists(folder) ? Judges.JudgeRubric.LoadFolder(folder) : [];
            return new Judges.LlmJudgeRunner(llm.IsOffline ? null : sp.GetRequiredService<Microsoft.Extensions.AI.IChatClient>(), rubrics, !llm.IsOffline,
                sp.GetService<Llm.SecretRedactor>());
        });
        services.AddSingleton<Core.Generation.IVariantGenerator>(sp =>
            sp.GetRequiredService<Llm.ILlmDescriptor>().IsOffline || !sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<ChecksOptions>>().Value.JudgesEnabled
            ? sp.GetRequiredService<Core.Generation.VariantGenerator>()
            : new Hooks.JudgingVariantGenerator(sp.GetRequiredService<Core.Generation.VariantGenerator>(), sp.GetRequiredService<Judges.LlmJudgeRunner>()));
        services.AddSingleton<Core.Generation.IRunCompletedHandler, Hooks.CampaignCheckHandler>();
        return services;
    }
}
