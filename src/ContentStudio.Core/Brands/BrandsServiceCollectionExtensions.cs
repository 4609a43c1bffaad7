using ContentStudio.Core.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContentStudio.Core.Brands;

public static class BrandsServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IBrandCatalog"/> as a singleton reading Studio:BrandGuidesPath, resolved from the
    /// app's folder and the current directory upwards (so a clone's brand-guides/ is found from src/...).</summary>
    public static IServiceCollection AddBrands(this IServiceCollection services)
    {
        services.AddStudioPaths();
        services.AddSingleton<IBrandCatalog>(sp => new BrandCatalog(sp.GetRequiredService<StudioPaths>().BrandGuides));
        return services;
    }
}
