using ContentStudio.Core.Checks;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Review;
using ContentStudio.Core.Review.Queue;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Web.Api;

/// <summary>GET /api/variants/{id}: what the review page shows, read through the same Core queries.</summary>
internal static class VariantApi
{
    public sealed record FindingSummary(int Count, IReadOnlyDictionary<Severity, int> BySeverity, IReadOnlyList<Finding> Items,
        IReadOnlyList<CheckNote> NotRun);

    public sealed record DecisionDto(ReviewAction Action, string DecidedBy, DateTime AtUtc, string ContentHash, string? Comment);

    public sealed record CommentDto(string Author, DateTime AtUtc, string Text);

    public sealed record ApprovalDto(bool IsValid, string? ApprovedBy, string? ApprovedHash, string? Reason);

    public sealed record VariantDetail(Guid Id, Guid CampaignId, string SegmentKey, ContentStudio.Core.Channels.ChannelKind Channel,
        int VariantIndex, ReviewState State, string ContentHash, Guid ConcurrencyToken, IReadOnlyDictionary<string, string> Fields,
        string? AssignedTo, VariantOutcome Outcome, string? Problem, Gate? Gate, int? Score, FindingSummary Findings,
        ApprovalDto Approval, IReadOnlyList<DecisionDto> Decisions, IReadOnlyList<CommentDto> Comments);

    public static void MapVariantApi(this IEndpointRouteBuilder api) =>
        api.MapGet("/variants/{id:guid}", async Task<IResult> (Guid id, VariantQueries variants, ReviewQueue queue, ReviewService reviews,
            CancellationToken ct) =>
        {
            if (await variants.GetVariantAsync(id, ct) is not { } view || await queue.CurrentAsync(id, ct) is not { } current)
                return ApiProblems.From(new VariantNotFoundException(id))!;
            var (variant, campaignId, assignedTo) = current;
            var findings = view.AllFindings;
            var approval = await reviews.GetApprovalAsync(id, ct);
            return TypedResults.Ok(new VariantDetail(id, campaignId, view.SegmentKey, view.Channel, view.VariantIndex, variant.State,
                variant.ContentHash, variant.ConcurrencyToken, variant.Fields, assignedTo, view.Outcome, view.Problem, view.Gate, view.Score,
                new FindingSummary(findings.Count, findings.GroupBy(f => f.Severity).ToDictionary(g => g.Key, g => g.Count()), findings,
                    view.Report?.NotRun ?? []),
                new ApprovalDto(approval.IsValid, approval.Approval?.DecidedBy, approval.Approval?.ContentHash, approval.Reason),
                (await reviews.GetDecisionsAsync(id, ct)).Select(d => new DecisionDto(d.Action, d.DecidedBy, d.AtUtc, d.ContentHash, d.Comment)).ToList(),
                (await queue.CommentsAsync(id, ct)).Select(c => new CommentDto(c.Author, c.AtUtc, c.Text)).ToList()));
        });
}
