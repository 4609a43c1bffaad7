using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ContentStudio.Core.Segments;

namespace ContentStudio.Core.Campaigns;

public static class CampaignsServiceCollectionExtensions
{
    /// <summary>Campaigns and their briefs. Needs AddStudioData and an IBrandCatalog.</summary>
    public static IServiceCollection AddCampaigns(this IServiceCollection services)
    {
        services.AddSegments(); // a brief names segments
        services.TryAddSingleton<CampaignService>();
        services.TryAddSingleton<Export.VariantExporter>();
        return services;
    }
}
