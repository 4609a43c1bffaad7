using System.Security.Claims;
using ContentStudio.Core.Publishing;
using ContentStudio.Core.Review;
using ContentStudio.Core.Review.Queue;

namespace ContentStudio.Web.Api;

/// <summary>POST /api/variants/{id}/publish: queues an approved variant for a target through PublishingService, as the
/// review page's publish panel does.</summary>
internal static class PublishApi
{
    public sealed record PublishBody(Guid? TargetId, DateTime? DueUtc);

    public static void MapPublishApi(this IEndpointRouteBuilder api) =>
        api.MapPost("/variants/{id:guid}/publish", async Task<IResult> (Guid id, HttpRequest request, ClaimsPrincipal me,
            PublishingService publishing, PublishTargets targets, ReviewQueue queue, CancellationToken ct) =>
        {
            var body = await ApiJson.ReadAsync<PublishBody>(request, ct);
            var targetId = ApiJson.Required(body.TargetId, "targetId");
            var due = body.DueUtc switch
            {
                null => (DateTime?)null,
                { Kind: DateTimeKind.Utc } d => d,
                { Kind: DateTimeKind.Local } d => d.ToUniversalTime(), // it carried an explicit offset
                _ => throw new ApiInputException("dueUtc", "'dueUtc' needs a time zone: write it in UTC ending in Z, e.g. 2030-01-31T09:00:00Z."),
            };
            var user = me.Caller();
            if (await queue.CurrentAsync(id, ct) is null) throw new VariantNotFoundException(id);
            if (await targets.FindAsync(targetId.ToString(), ct) is null)
                throw new ApiInputException("targetId", $"There is no publish target {targetId}.");
            return TypedResults.Accepted($"{ApiComposition.Prefix}/variants/{id}", await publishing.PublishAsync([id], targetId, user, due, ct));
        });
}
