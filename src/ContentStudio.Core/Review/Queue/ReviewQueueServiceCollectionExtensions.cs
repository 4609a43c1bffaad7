using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ContentStudio.Core.Data.Live;
using ContentStudio.Core.Configuration;
using Microsoft.Extensions.Options;

namespace ContentStudio.Core.Review.Queue;

public static class ReviewQueueServiceCollectionExtensions
{
    /// <summary>The curation queue: ReviewQueue, ReviewActions, RevisionRuns, live queue messages, options from
    /// the "ReviewQueue" section. Called by AddReview.</summary>
    public static IServiceCollection AddReviewQueue(this IServiceCollection services)
    {
        services.AddStudioOptions<ReviewQueueOptions>(ReviewQueueOptions.Section);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReviewQueueOptions>, ReviewQueueOptionsValidator>());
        services.AddLiveEvents().AddLiveEvent<ReviewQueueChange>();
        services.TryAddSingleton<ReviewQueue>();
        services.TryAddSingleton<QueueClaims>();
        services.TryAddSingleton<RevisionRuns>();
        services.TryAddSingleton<ReviewActions>();
        return services;
    }
}
