using ContentStudio.Core.Generation;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Review.Queue;

/// <summary>Review steps made of several actions. Single actions are <see cref="ReviewService"/>'s (which authorises,
/// audits and announces each); these compose them, so they announce through it too.</summary>
public sealed class ReviewActions(ReviewService reviews, RevisionRuns revisions)
{
    /// <summary>Records the change request, then starts a one-task run that rewrites the variant with the feedback.
    /// Two steps: if the second fails the request stands and the revision can be asked for again.</summary>
    public async Task<(ReviewedVariant Variant, GenerationRun Revision)> RequestChangesAsync(Guid id, StudioUser user, string feedback,
        CancellationToken ct = default)
    {
        var result = await reviews.RequestChangesAsync(id, user, feedback, ct);
        var run = await revisions.StartAsync(id, feedback, ct);
        return (result, run);
    }

    /// <summary>Approves each clean item with the content hash the reviewer was shown, one transaction each (each
    /// announced like a single approval); an item the service refuses (self-approval, wrong state, changed since shown)
    /// is reported, never hidden or forced.</summary>
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
        return results;
    }
}
