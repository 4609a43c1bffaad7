using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ContentStudio.Core.Audit;
using ContentStudio.Core.Review.Queue;

namespace ContentStudio.Core.Review;

public static class ReviewServiceCollectionExtensions
{
    /// <summary>The review workflow and the audit log: ReviewService, AuditLog, AuditVerifier. Needs AddStudioData.</summary>
    public static IServiceCollection AddReview(this IServiceCollection services)
    {
        services.TryAddSingleton<ReviewService>();
        services.TryAddSingleton<ReviewPageQuery>();
        services.AddReviewQueue();
        return services;
    }
}
