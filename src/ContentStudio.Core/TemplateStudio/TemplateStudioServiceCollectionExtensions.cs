using ContentStudio.Core.Checks;
using ContentStudio.Core.Segments;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ContentStudio.Core.Prompts;
using ContentStudio.Core.Configuration;

namespace ContentStudio.Core.TemplateStudio;

public static class TemplateStudioServiceCollectionExtensions
{
    /// <summary>Template versions, the release gate and evaluations, and the database-backed catalog of released
    /// templates, which REPLACES the file catalog as <see cref="IPromptCatalog"/> (the file catalog stays
    /// registered as <see cref="PromptCatalog"/> for seeding and `studio prompts validate`). Call after AddPrompts,
    /// AddStudioData and AddLlm; TemplateGateOptions bind from section "TemplateGate" when an IConfiguration is registered.</summary>
    public static IServiceCollection AddTemplateStudio(this IServiceCollection services)
    {
        services.AddStudioOptions<TemplateGateOptions>(TemplateGateOptions.Section);
        services.AddChecks();
        services.AddSegments(); // evaluation sets name segments
        services.TryAddSingleton(sp => new ReleasedPromptCatalog(
            sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Data.StudioDbContext>>(),
            sp.GetService<PromptCatalog>(), sp.GetService<TimeProvider>()));
        services.Replace(ServiceDescriptor.Singleton<IPromptCatalog>(sp => sp.GetRequiredService<ReleasedPromptCatalog>()));
        services.TryAddSingleton<TemplateStore>();
        services.TryAddSingleton<TemplateEvaluator>();
        return services;
    }
}
