using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Segments;
using ContentStudio.Integration.Tests.Infrastructure;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Integration.Tests.Generation;

/// <summary>Durable runs on a real database: planned up front, claimed with leases, one variant per task.</summary>
public abstract class GenerationRunTests : GenerationTests
{
    [Fact]
    public async Task PlansEveryTaskWithItsSeedBeforeAnyWorkStarts()
    {
        var campaign = await Studio.CampaignAsync(); // 2 segments × (email, sms) × 3 variants

        var run = await Runs.StartRunAsync(campaign.Id, "ana");

        var tasks = await TasksAsync(run.Id);
        tasks.Count.ShouldBe(12);
        tasks.ShouldAllBe(t => t.Status == GenerationTaskStatus.Pending && t.LeaseOwner == null && t.Attempts == 0);
        tasks.Select(t => (t.SegmentKey, t.Channel, t.VariantIndex)).Distinct().Count().ShouldBe(12);
        tasks.Select(t => t.Seed).Distinct().Count().ShouldBe(12);
        tasks.ShouldAllBe(t => t.Seed == TaskSeed.For(run.Id, t.SegmentKey, t.Channel, t.VariantIndex));
        Studio.Generator.CallCount.ShouldBe(0);
        var progress = await Runs.GetProgressAsync(run.Id);
        progress.ShouldBe(new RunProgress(run.Id, campaign.Id, RunStatus.Queued, 12, 0, 0, 0, 12, 0));
        progress!.Percent.ShouldBe(0);
    }

    [Fact]
    public async Task WritesOneVariantPerTaskAndCompletesTheRun()
    {
        var campaign = await Studio.CampaignAsync();
        var run = await Runs.StartRunAsync(campaign.Id);
        var events = new ConcurrentQueue<RunProgress>();
        using var subscription = Studio.Get<ILiveEvents>().Subscribe<RunProgress>(events.Enqueue, p => p.RunId == run.Id);

        var processed = await Studio.NewEngine().RunUntilIdleAsync();

        processed.ShouldBe(12);
        var variants = await VariantsAsync(run.Id);
        variants.Count.ShouldBe(12);
        variants.ShouldAllBe(v => v.Outcome == VariantOutcome.Ok && v.ReviewState == ReviewState.Generated && v.CampaignId == campaign.Id);
        var email = variants.First(v => v.Channel == Core.Channels.ChannelKind.Email);
        email.Fields.Keys.ShouldBe(["body", "cta", "preheader", "subject"], ignoreOrder: true);
        email.ContentHash.ShouldBe(VariantFields.Hash(email.Fields));
        email.Provider.ShouldBe("Fake");
        email.PromptHash.ShouldStartWith("hash-");
        (await TasksAsync(run.Id)).ShouldAllBe(t => t.Status == GenerationTaskStatus.Done && t.LeaseOwner == null);
        var stored = await Runs.GetRunAsync(run.Id);
        stored!.Status.ShouldBe(RunStatus.Completed);
        stored.DoneTasks.ShouldBe(12);
        stored.StartedUtc.ShouldNotBeNull();
        stored.FinishedUtc.ShouldNotBeNull();
        // Reported as tasks finish; a report that arrives after a newer one is dropped, so the page never steps back.
        events.Count.ShouldBeGreaterThanOrEqualTo(2);
        events.Select(e => e.Finished).ShouldBeInOrder(SortDirection.Ascending);
        events.Last().Status.ShouldBe(RunStatus.Completed);
        events.Last().Percent.ShouldBe(100);
        Hooks.ProcessedTasks.Count.ShouldBe(12);
        Hooks.CompletedRuns.Select(p => p.RunId).ShouldBe([run.Id]);
    }

    [Fact]
    public async Task CancellingStopsTheRunAndCancelsTheWaitingTasks()
    {
        var campaign = await Studio.CampaignAsync();
        var run = await Runs.StartRunAsync(campaign.Id);
        var engine = Studio.NewEngine();
        (await engine.ProcessAsync(run.Id)).ShouldBe(4); // one batch

        (await Runs.CancelAsync(run.Id, TestStudio.Marketer)).ShouldBeTrue();
        var afterCancel = await engine.RunUntilIdleAsync();

        afterCancel.ShouldBe(0);
        Studio.Generator.CallCount.ShouldBe(4);
        var progress = await Runs.GetProgressAsync(run.Id);
        progress.ShouldBe(new RunProgress(run.Id, campaign.Id, RunStatus.Cancelled, 12, 4, 0, 8, 0, 0));
        progress!.Percent.ShouldBe(100);
        (await Runs.GetRunAsync(run.Id))!.CancelledTasks.ShouldBe(8);
        (await Runs.CancelAsync(run.Id, TestStudio.Marketer)).ShouldBeFalse();
        Hooks.CompletedRuns.ShouldBeEmpty();
    }

    [Fact]
    public async Task KeepsVariantsThatNeedAttentionWithTheModelsRawText()
    {
        var campaign = await Studio.CampaignAsync();
        var run = await Runs.StartRunAsync(campaign.Id);
        Studio.Generator.Answer = r => r.VariantIndex != 1 ? null : new GeneratedVariant(VariantOutcome.NeedsAttention,
            new Dictionary<string, string>(), "Sorry, here is some copy: {subject: oops",
            new VariantProvenance("email", "3", "Fake", "fake-model", "h", 5, 7, 9, 3), "Output was not valid JSON after 3 attempts.");

        await Studio.NewEngine().RunUntilIdleAsync();

        var attention = (await VariantsAsync(run.Id)).Where(v => v.Outcome == VariantOutcome.NeedsAttention).ToList();
        attention.Count.ShouldBe(4);
        attention.ShouldAllBe(v => v.VariantIndex == 1 && v.RawOutput == "Sorry, here is some copy: {subject: oops"
                                   && v.Problem == "Output was not valid JSON after 3 attempts." && v.Attempts == 3);
        var progress = await Runs.GetProgressAsync(run.Id);
        progress.ShouldBe(new RunProgress(run.Id, campaign.Id, RunStatus.Completed, 12, 8, 4, 0, 0, 0));
        (await TasksAsync(run.Id)).Count(t => t.Status == GenerationTaskStatus.NeedsAttention).ShouldBe(4);
        (await Runs.GetRunAsync(run.Id))!.NeedsAttentionTasks.ShouldBe(4);
    }

    [Fact]
    public async Task SendsAVariantToAPersonWhenItsSegmentIsGoneOrAPostProcessorFails()
    {
        var campaign = await Studio.CampaignAsync(TestData.Brief(segments: 2, variants: 1, Core.Channels.ChannelKind.Email));
        await Studio.Get<SegmentStore>().ReplaceAllAsync("lumen", [TestData.LumenSegments[0]], TestStudio.BrandManager); // retirees deleted
        Hooks.OnVariant = c => { if (c.Variant.VariantIndex == 0 && c.Request is not null) throw new InvalidOperationException("check crashed"); };
        var run = await Runs.StartRunAsync(campaign.Id);

        await Studio.NewEngine().RunUntilIdleAsync();

        var variants = await VariantsAsync(run.Id);
        variants.Count.ShouldBe(2);
        variants.Single(v => v.SegmentKey == "retirees").Problem!.ShouldContain("Segment 'retirees' no longer exists");
        variants.Single(v => v.SegmentKey == "young-professionals").Problem!.ShouldContain("check crashed");
        variants.ShouldAllBe(v => v.Outcome == VariantOutcome.NeedsAttention);
        Studio.Generator.CallCount.ShouldBe(1);
        (await Runs.GetRunAsync(run.Id))!.Status.ShouldBe(RunStatus.Completed);
    }

    [Fact]
    public async Task RefusesASecondRunWhileOneIsInProgress()
    {
        var campaign = await Studio.CampaignAsync();
        await Runs.StartRunAsync(campaign.Id);

        var error = await Should.ThrowAsync<InvalidOperationException>(() => Runs.StartRunAsync(campaign.Id));
        error.Message.ShouldContain("already has run");
    }

    [Fact]
    public async Task ACampaignIsAllItsRunsWithEachRewriteLinkedToItsOriginalAndEachRunCountedByGate()
    {
        var campaign = await Studio.CampaignAsync();
        var first = await Runs.StartRunAsync(campaign.Id, "ana");
        await Studio.NewEngine().RunUntilIdleAsync();
        Studio.Clock.Advance(TimeSpan.FromMinutes(1));
        var queries = Studio.Get<VariantQueries>();
        var original = (await queries.GridAsync(campaign.Id))!.Cell("retirees", Core.Channels.ChannelKind.Sms).Variants[1];
        var revisions = ActivatorUtilities.CreateInstance<Core.Review.Queue.RevisionRuns>(Studio.Services);
        var revision = await revisions.StartAsync(original.Id, "Lead with the rate.");
        await Studio.NewEngine().RunUntilIdleAsync();
        Studio.Clock.Advance(TimeSpan.FromMinutes(1));
        var again = await Runs.StartRunAsync(campaign.Id, "bo");
        await Studio.NewEngine().RunUntilIdleAsync();

        // The campaign page's grid holds every run: 12 + 1 rewrite + 12, none hidden by the newer runs.
        var grid = (await queries.GridAsync(campaign.Id))!;
        grid.RunId.ShouldBeNull();
        grid.Cells.Sum(c => c.Variants.Count).ShouldBe(25);
        var cell = grid.Cell("retirees", Core.Channels.ChannelKind.Sms);
        cell.Variants.Select(v => v.RunId).ShouldBe([first.Id, first.Id, first.Id, revision.Id, again.Id, again.Id, again.Id]);
        var rewrite = cell.Variants.Single(v => v.RunId == revision.Id);
        rewrite.Lineage.ShouldBe(new VariantLineage(original.Id, "Lead with the rate.", null));
        cell.Variants.Single(v => v.Id == original.Id).Lineage.ShouldBe(new VariantLineage(null, null, rewrite.Id));
        cell.Variants.Where(v => v.Id != original.Id && v.Id != rewrite.Id).ShouldAllBe(v => v.Lineage == null);
        // One run alone still reads as before.
        (await queries.GridAsync(campaign.Id, again.Id))!.Cells.Sum(c => c.Variants.Count).ShouldBe(12);

        // The run history: newest first, why each run exists, who started it, and the same lane counts as the queue.
        var history = await Studio.Get<RunHistory>().ForCampaignAsync(campaign.Id);
        history.Select(r => (r.RunId, r.Kind, r.CreatedBy)).ShouldBe([(again.Id, RunKind.Again, "bo"), (revision.Id, RunKind.Revision, "ana"), (first.Id, RunKind.Initial, "ana")]);
        history.ShouldAllBe(r => r.Status == RunStatus.Completed && r.Written == r.Total && r.Failed == 0 && r.Cancelled == 0 && r.Unfinished == 0);
        history.ShouldAllBe(r => r.Lanes.Total == r.Written);
        history[1].Feedback.ShouldBe("Lead with the rate.");
        history[1].RevisionOf.ShouldBe(original.Id);
    }

    [Fact]
    public async Task LaysOutTheGridBySegmentAndChannelInTheBriefsOrder()
    {
        var campaign = await Studio.CampaignAsync();
        var run = await Runs.StartRunAsync(campaign.Id);
        var queries = Studio.Get<VariantQueries>();
        var before = await queries.GridAsync(campaign.Id);
        before!.Cells.ShouldAllBe(c => c.Variants.Count == 0 && c.Unfinished == 3);

        await Studio.NewEngine().RunUntilIdleAsync();
        var grid = await queries.GridAsync(campaign.Id);

        grid!.RunId.ShouldBeNull(); // the whole campaign: every run
        grid.SegmentKeys.ShouldBe(["young-professionals", "retirees"]);
        grid.Cells.Count.ShouldBe(4);
        var cell = grid.Cell("retirees", Core.Channels.ChannelKind.Sms);
        cell.Unfinished.ShouldBe(0);
        cell.Variants.Select(v => v.VariantIndex).ShouldBe([0, 1, 2]);
        cell.Variants[0].Fields["body"].ShouldContain("Retirees");
        cell.Variants[0].Provenance.Model.ShouldBe("fake-model");
        (await queries.GridForRunAsync(run.Id))!.Cells.Sum(c => c.Variants.Count).ShouldBe(12);
        (await queries.GetVariantAsync(cell.Variants[0].Id))!.TaskId.ShouldBe(cell.Variants[0].TaskId);
    }
}

public sealed class SqliteGenerationRunTests : GenerationRunTests
{
    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync() =>
        Task.FromResult<(DatabaseProvider, string, Action?)>(TestDatabases.Sqlite());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresGenerationRunTests(PostgresServer server) : GenerationRunTests
{
    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync() =>
        TestDatabases.PostgresAsync(server, nameof(PostgresGenerationRunTests));
}
