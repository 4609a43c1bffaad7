using ContentStudio.Core.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContentStudio.Core.Prompts;

public static class PromptsServiceCollectionExtensions
{
    /// <summary>Registers the prompt catalog (loaded once from Studio:PromptsPath) and the renderer.</summary>
    public static IServiceCollection AddPrompts(this IServiceCollection services)
    {
        services.AddStudioPaths();
        services.AddSingleton(sp => new PromptCatalog(sp.GetRequiredService<StudioPaths>().Prompts));
        services.AddSingleton<IPromptCatalog>(sp => sp.GetRequiredService<PromptCatalog>());
        services.AddSingleton<IPromptRenderer, PromptRenderer>();
        return services;
    }
}
