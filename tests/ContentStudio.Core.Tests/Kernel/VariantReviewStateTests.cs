using ContentStudio.Core.Campaigns;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Kernel;
using ContentStudio.Core.Tests.Identity;
using Microsoft.EntityFrameworkCore;

namespace ContentStudio.Core.Tests.Kernel;

/// <summary>A variant's review state is typed in code and stored as its name, and it changes only through the
/// transition table.</summary>
public sealed class VariantReviewStateTests
{
    [Fact]
    public void ApplyFollowsTheTableAndReportsTheStep()
    {
        var v = new Variant();
        v.ReviewState.ShouldBe(ReviewState.Generated);

        v.Apply(ReviewAction.Submit).ShouldBe(new ReviewStep(ReviewState.Generated, ReviewState.InReview));
        v.Apply(ReviewAction.Approve).ShouldBe(new ReviewStep(ReviewState.InReview, ReviewState.Approved));
        v.Apply(ReviewAction.Edit).ShouldBe(new ReviewStep(ReviewState.Approved, ReviewState.InReview)); // an edit voids the approval
        v.ReviewState.ShouldBe(ReviewState.InReview);
    }

    [Fact]
    public void AnActionTheTableRefusesChangesNothing()
    {
        var v = new Variant { ReviewState = ReviewState.Rejected };

        Should.Throw<IllegalTransitionException>(() => v.Apply(ReviewAction.Approve)).Current.ShouldBe(ReviewState.Rejected);
        v.TryApply(ReviewAction.Publish, out var step).ShouldBeFalse();
        step.ShouldBe(new ReviewStep(ReviewState.Rejected, ReviewState.Rejected));
        v.ReviewState.ShouldBe(ReviewState.Rejected);
    }

    [Fact]
    public async Task EveryStateIsStoredAsItsNameAndReadBack()
    {
        await using var studio = await SqliteStudio.StartAsync();
        var campaign = new Campaign { Name = "States", BrandSlug = "lumen-coffee", CreatedUtc = DateTime.UtcNow, CreatedBy = "seed" };
        var run = new GenerationRun { CampaignId = campaign.Id, CreatedBy = "seed", CreatedUtc = DateTime.UtcNow, Status = RunStatus.Completed };
        var states = Enum.GetValues<ReviewState>();
        await using (var db = await studio.Factory.CreateDbContextAsync())
        {
            db.Campaigns.Add(campaign);
            db.GenerationRuns.Add(run);
            for (var k = 0; k < states.Length; k++)
            {
                var task = new GenerationTask { RunId = run.Id, Ordinal = k, SegmentKey = "students", Channel = ChannelKind.Email, VariantIndex = k };
                db.GenerationTasks.Add(task);
                db.Variants.Add(new Variant { TaskId = task.Id, CampaignId = campaign.Id, RunId = run.Id, SegmentKey = "students",
                    VariantIndex = k, ReviewState = states[k], CreatedUtc = DateTime.UtcNow });
            }
            await db.SaveChangesAsync();
        }

        await using (var db = await studio.Factory.CreateDbContextAsync())
        {
            // The column holds the names the database held before the state had a type: no data migration.
            var stored = await db.Database.SqlQueryRaw<string>("SELECT \"ReviewState\" AS \"Value\" FROM \"Variants\"").ToListAsync();
            stored.Order().ShouldBe(states.Select(s => s.ToString()).Order());
            (await db.Variants.AsNoTracking().Select(v => v.ReviewState).ToListAsync()).Order().ShouldBe(states.Order());
            (await db.Variants.CountAsync(v => v.ReviewState == ReviewState.ChangesRequested)).ShouldBe(1);
        }
    }
}
