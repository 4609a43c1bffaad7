using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContentStudio.Core.Review.Queue;

public static class ReviewQueueServiceCollectionExtensions
{
    /// <summary>The curation queue: ReviewQueue, ReviewActions, RevisionRuns, IReviewQueueNotifier, options from
    /// the "ReviewQueue" section. Called by AddReview.</summary>
    public static IServiceCollection AddReviewQueue(this IServiceCollection services)
    {
        services.AddOptions<ReviewQueueOptions>().BindConfiguration(ReviewQueueOptions.Section);
        services.TryAddSingleton<IReviewQueueNotifier, ReviewQueueNotifier>();
        services.TryAddSingleton<ReviewQueue>();
        services.TryAddSingleton<RevisionRuns>();
        services.TryAddSingleton<ReviewActions>();
        services.TryAddSingleton<AuditSearch>();
        return services;
    }
}
