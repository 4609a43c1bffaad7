using Microsoft.EntityFrameworkCore;
using ContentStudio.Core.Data;
using ContentStudio.Core.Generation;

namespace ContentStudio.Core.Review.Queue;

/// <summary>Regenerates one variant with a reviewer's feedback: a new run with a single task for the same segment,
/// channel and index, carrying the feedback (CompositionRequest.Feedback) and the parent variant. The worker picks
/// it up like any run. The run is credited to the original run's author: the model rewrites their copy on the
/// reviewer's instructions, so the reviewer who asked for the change may still approve the result.</summary>
public sealed class RevisionRuns(IDbContextFactory<StudioDbContext> dbFactory, TimeProvider clock)
{
    public async Task<GenerationRun> StartAsync(Guid variantId, string feedback, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(feedback)) throw new ArgumentException("A revision needs the feedback to write it with.", nameof(feedback));
        // The feedback is the model's instruction: past the bound it is refused here, not cut silently.
        ReviewLimits.Check(feedback.Trim(), CompositionRequest.MaxFeedbackLength, "The feedback", nameof(feedback));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var parent = await db.Variants.AsNoTracking().Where(v => v.Id == variantId)
            .Select(v => new { v.CampaignId, v.RunId, v.SegmentKey, v.Channel, v.VariantIndex }).FirstOrDefaultAsync(ct)
            ?? throw new VariantNotFoundException(variantId);
        var author = await db.GenerationRuns.Where(r => r.Id == parent.RunId).Select(r => r.CreatedBy).FirstOrDefaultAsync(ct) ?? "";
        var run = new GenerationRun { CampaignId = parent.CampaignId, CreatedBy = author, CreatedUtc = clock.GetUtcNow().UtcDateTime, TotalTasks = 1 };
        db.GenerationRuns.Add(run);
        db.GenerationTasks.Add(new GenerationTask
        {
            RunId = run.Id, Ordinal = 0, SegmentKey = parent.SegmentKey, Channel = parent.Channel, VariantIndex = parent.VariantIndex,
            Seed = TaskSeed.For(run.Id, parent.SegmentKey, parent.Channel, parent.VariantIndex),
            Feedback = feedback.Trim(), ParentVariantId = variantId,
        });
        await db.SaveChangesAsync(ct);
        return run;
    }
}
