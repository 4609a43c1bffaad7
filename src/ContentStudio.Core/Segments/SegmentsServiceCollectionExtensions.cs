using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContentStudio.Core.Segments;

public static class SegmentsServiceCollectionExtensions
{
    /// <summary>The stored audience segments (CSV import, edits, samples). Needs AddStudioData.</summary>
    public static IServiceCollection AddSegments(this IServiceCollection services)
    {
        services.TryAddSingleton<SegmentStore>();
        return services;
    }
}
