using System.Security.Claims;
using ContentStudio.Core.Review;
using ContentStudio.Core.Review.Queue;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Web.Api;

/// <summary>The review actions on one variant, each one call to ReviewService or QueueClaims (which authorise, audit and tell the
/// open pages), exactly as the review page makes it.</summary>
internal static class ReviewApi
{
    public sealed record ApproveBody(string? SeenHash, string? Comment);
    public sealed record OverrideBody(string? SeenHash, string? Justification);
    public sealed record RejectBody(string? Reason);
    public sealed record RequestChangesBody(string? Feedback);
    public sealed record CommentBody(string? Text);
    public sealed record EditBody(Dictionary<string, string>? Fields, Guid? Token);
    public sealed record ChangesRequested(ReviewedVariant Variant, Guid RevisionRunId);

    public static void MapReviewApi(this IEndpointRouteBuilder api)
    {
        var v = api.MapGroup("/variants/{id:guid}");

        v.MapPost("/submit", async (Guid id, ClaimsPrincipal me, ReviewService reviews, CancellationToken ct) =>
            TypedResults.Ok(await reviews.SubmitAsync(id, me.Caller(), ct)));

        v.MapPost("/claim", async (Guid id, ClaimsPrincipal me, QueueClaims claims, CancellationToken ct) =>
        {
            await claims.ClaimAsync(id, me.Caller(), ct);
            return TypedResults.NoContent();
        });

        v.MapPost("/release", async (Guid id, ClaimsPrincipal me, QueueClaims claims, CancellationToken ct) =>
        {
            await claims.ReleaseAsync(id, me.Caller(), ct);
            return TypedResults.NoContent();
        });

        v.MapPost("/approve", async Task<IResult> (Guid id, HttpRequest request, ClaimsPrincipal me, ReviewService reviews, CancellationToken ct) =>
        {
            var body = await ApiJson.ReadAsync<ApproveBody>(request, ct);
            var seen = ApiJson.Required(body.SeenHash, "seenHash");
            try { return TypedResults.Ok(await reviews.ApproveAsync(id, seen, me.Caller(), body.Comment, ct)); }
            catch (ReviewConflictException e) { return ApiProblems.Conflict(e, seen); }
        });

        v.MapPost("/override", async Task<IResult> (Guid id, HttpRequest request, ClaimsPrincipal me, ReviewService reviews, CancellationToken ct) =>
        {
            var body = await ApiJson.ReadAsync<OverrideBody>(request, ct);
            var seen = ApiJson.Required(body.SeenHash, "seenHash");
            // Whether the justification is long enough is Core's rule (a 403 with its reason); only its absence is bad input.
            var justification = ApiJson.Required(body.Justification, "justification");
            try { return TypedResults.Ok(await reviews.OverrideApproveAsync(id, seen, me.Caller(), justification, ct)); }
            catch (ReviewConflictException e) { return ApiProblems.Conflict(e, seen); }
        });

        v.MapPost("/reject", async (Guid id, HttpRequest request, ClaimsPrincipal me, ReviewService reviews, CancellationToken ct) =>
        {
            var body = await ApiJson.ReadAsync<RejectBody>(request, ct);
            return TypedResults.Ok(await reviews.RejectAsync(id, me.Caller(), body.Reason ?? "", ct));
        });

        v.MapPost("/request-changes", async (Guid id, HttpRequest request, ClaimsPrincipal me, ReviewActions actions, CancellationToken ct) =>
        {
            var body = await ApiJson.ReadAsync<RequestChangesBody>(request, ct);
            var (variant, revision) = await actions.RequestChangesAsync(id, me.Caller(), body.Feedback ?? "", ct);
            return TypedResults.Ok(new ChangesRequested(variant, revision.Id));
        });

        v.MapPost("/comments", async (Guid id, HttpRequest request, ClaimsPrincipal me, QueueClaims claims, CancellationToken ct) =>
        {
            var body = await ApiJson.ReadAsync<CommentBody>(request, ct);
            var comment = await claims.CommentAsync(id, me.Caller(), body.Text ?? "", ct);
            return TypedResults.Created($"{ApiComposition.Prefix}/variants/{id}", new VariantApi.CommentDto(comment.Author, comment.AtUtc, comment.Text));
        });

        v.MapPut("/content", async (Guid id, HttpRequest request, ClaimsPrincipal me, ReviewService reviews, CancellationToken ct) =>
        {
            var body = await ApiJson.ReadAsync<EditBody>(request, ct);
            var fields = body.Fields ?? throw new ApiInputException("fields", "'fields' is required: every field of the variant with its new text.");
            var token = ApiJson.Required(body.Token, "token");
            return TypedResults.Ok(await reviews.EditAsync(id, fields, token, me.Caller(), ct));
        });
    }
}
