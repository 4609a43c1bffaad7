using ContentStudio.Core.Generation;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Review.Queue;

/// <summary>What the pages call: each review action through <see cref="ReviewService"/> (which authorises and
/// audits), then one queue event so every open page refreshes. Exceptions pass through unchanged for the page to show.</summary>
public sealed class ReviewActions(ReviewService reviews, ReviewQueue queue, RevisionRuns revisions, IReviewQueueNotifier notifier)
{
    public Task<ReviewedVariant> SubmitAsync(Guid id, StudioUser user, CancellationToken ct = default) =>
        Notify(id, "submitted", user, reviews.SubmitAsync(id, user, ct));

    public Task<ReviewedVariant> ApproveAsync(Guid id, string seenHash, StudioUser user, string? comment = null, CancellationToken ct = default) =>
        Notify(id, "approved", user, reviews.ApproveAsync(id, seenHash, user, comment, ct));

    public Task<ReviewedVariant> OverrideApproveAsync(Guid id, string seenHash, StudioUser user, string justification, CancellationToken ct = default) =>
        Notify(id, "override-approved", user, reviews.OverrideApproveAsync(id, seenHash, user, justification, ct));

    public Task<ReviewedVariant> RejectAsync(Guid id, StudioUser user, string reason, CancellationToken ct = default) =>
        Notify(id, "rejected", user, reviews.RejectAsync(id, user, reason, ct));

    public Task<ReviewedVariant> EditAsync(Guid id, IReadOnlyDictionary<string, string> fields, Guid token, StudioUser user, CancellationToken ct = default) =>
        Notify(id, "edited", user, reviews.EditAsync(id, fields, token, user, ct));

    /// <summary>Records the change request, then starts a one-task run that rewrites the variant with the feedback.
    /// Two steps: if the second fails the request stands and the revision can be asked for again.</summary>
    public async Task<(ReviewedVariant Variant, GenerationRun Revision)> RequestChangesAsync(Guid id, StudioUser user, string feedback,
        CancellationToken ct = default)
    {
        var result = await Notify(id, "changes-requested", user, reviews.RequestChangesAsync(id, user, feedback, ct));
        var run = await revisions.StartAsync(id, feedback, ct);
        return (result, run);
    }

    public Task ClaimAsync(Guid id, StudioUser user, CancellationToken ct = default) => Notify(id, "claimed", user, queue.ClaimAsync(id, user, ct));

    public Task ReleaseAsync(Guid id, StudioUser user, CancellationToken ct = default) => Notify(id, "released", user, queue.ReleaseAsync(id, user, ct));

    public Task<VariantComment> CommentAsync(Guid id, StudioUser user, string text, CancellationToken ct = default) =>
        Notify(id, "commented", user, queue.CommentAsync(id, user, text, ct));

    /// <summary>Approves each clean item with the content hash the reviewer was shown, one transaction each; an item
    /// the service refuses (self-approval, wrong state, changed since shown) is reported, never hidden or forced.</summary>
    public async Task<IReadOnlyList<BulkApprovalResult>> ApproveAllCleanAsync(IEnumerable<QueueItem> shown, StudioUser user,
        CancellationToken ct = default)
    {
        var results = new List<BulkApprovalResult>();
        foreach (var item in shown)
        {
            if (item.Lane != QueueLane.Clean) { results.Add(new(item.VariantId, "not in the clean lane; review it on its own.")); continue; }
            try
            {
                await reviews.ApproveAsync(item.VariantId, item.ContentHash, user, "bulk approval of clean items", ct);
                results.Add(new(item.VariantId, null));
            }
            catch (Exception e) when (e is AccessDeniedException or IllegalTransitionException or ReviewConflictException or VariantNotFoundException)
            {
                results.Add(new(item.VariantId, e.Message));
            }
        }
        if (results.Any(r => r.Approved)) notifier.Publish(new ReviewQueueChange(Guid.Empty, "bulk-approved", user.Id));
        return results;
    }

    private async Task<T> Notify<T>(Guid id, string what, StudioUser user, Task<T> action)
    {
        var result = await action;
        notifier.Publish(new ReviewQueueChange(id, what, user.Id));
        return result;
    }

    private async Task Notify(Guid id, string what, StudioUser user, Task action)
    {
        await action;
        notifier.Publish(new ReviewQueueChange(id, what, user.Id));
    }
}
