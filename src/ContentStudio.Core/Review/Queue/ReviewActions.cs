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

    /// <summary>Which of the shown items <paramref name="user"/> could approve in bulk, decided by the same rules the
    /// service enforces (the transition table and <see cref="Access"/>): clean, in a state an approval is possible from,
    /// not generated or edited by the user. The rest are listed with the reason, so the page offers the action only where
    /// it can succeed and says why the others are left out.</summary>
    public async Task<BulkApprovalPlan> PlanBulkApprovalAsync(IEnumerable<QueueItem> shown, StudioUser user, CancellationToken ct = default)
    {
        var items = shown.ToList();
        var facts = await reviews.FactsAsync(items.Select(i => i.VariantId).ToList(), ct);
        var approvable = new List<QueueItem>();
        var skipped = new List<BulkApprovalResult>();
        foreach (var item in items)
        {
            var problem = item.Lane != QueueLane.Clean ? "not in the clean lane; review it on its own."
                : !ReviewTransitions.TryNext(item.ReviewState, ReviewAction.Approve, out _) ? $"it is {ReviewWords.Describe(item.ReviewState)}, so there is nothing to approve."
                : !facts.TryGetValue(item.VariantId, out var f) ? "it no longer exists."
                : Access.Offer(user, ReviewAction.Approve, f) is { Allowed: false } refusal ? refusal.Reason
                : null;
            if (problem is null) approvable.Add(item);
            else skipped.Add(new(item.VariantId, problem));
        }
        return new BulkApprovalPlan(approvable, skipped);
    }

    /// <summary>Approves the approvable items of the plan with the content hash the reviewer was shown, one transaction each
    /// (each announced like a single approval); an item the service refuses now (changed since shown, decided by someone
    /// else meanwhile) is reported, never hidden or forced.</summary>
    public async Task<IReadOnlyList<BulkApprovalResult>> ApproveAsync(BulkApprovalPlan plan, StudioUser user, CancellationToken ct = default)
    {
        var results = new List<BulkApprovalResult>();
        foreach (var item in plan.Approvable)
        {
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
