using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Segments;
using ContentStudio.Integration.Tests.Infrastructure;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Integration.Tests.Generation;

/// <summary>Leases on a real database: racing workers, take-overs, crashes and slow calls never lose or double a variant.</summary>
public abstract class TaskLeaseTests : GenerationTests
{
    [Fact]
    public async Task TwoEnginesRacingOverOneRunWriteEveryVariantExactlyOnce()
    {
        var campaign = await Studio.CampaignAsync(TestData.Brief(segments: 3, variants: 4)); // 24 tasks
        var run = await Runs.StartRunAsync(campaign.Id);
        Studio.Generator.Delay = TimeSpan.FromMilliseconds(15);

        var counts = await Task.WhenAll(
            Task.Run(() => Studio.NewEngine().RunUntilIdleAsync()),
            Task.Run(() => Studio.NewEngine().RunUntilIdleAsync()));

        counts.Sum().ShouldBe(24);
        Studio.Generator.CallCount.ShouldBe(24);
        var variants = await VariantsAsync(run.Id);
        variants.Count.ShouldBe(24);
        variants.Select(v => v.TaskId).Distinct().Count().ShouldBe(24);
        (await TasksAsync(run.Id)).ShouldAllBe(t => t.Status == GenerationTaskStatus.Done && t.Attempts == 1);
        (await Runs.GetRunAsync(run.Id))!.Status.ShouldBe(RunStatus.Completed);
        Hooks.CompletedRuns.Count.ShouldBe(1);
    }

    [Fact]
    public async Task ALateWorkerWhoseLeaseWasTakenOverStandsDownWithoutADuplicate()
    {
        var campaign = await Studio.CampaignAsync(TestData.Brief(segments: 1, variants: 1, Core.Channels.ChannelKind.Email));
        var run = await Runs.StartRunAsync(campaign.Id);
        var slow = Studio.NewEngine();
        var fast = Studio.NewEngine();
        var slowClaim = await slow.ClaimAsync(1, run.Id, default);
        (await fast.ClaimAsync(1, run.Id, default)).ShouldBeEmpty(); // the lease holds
        Studio.Clock.Advance(TimeSpan.FromSeconds(61));
        var fastClaim = await fast.ClaimAsync(1, run.Id, default);
        fastClaim.ShouldBe(slowClaim);

        var calls = 0;
        Studio.Generator.Answer = r =>
        {
            // While the slow worker's model call is still running, the fast one does the whole task.
            if (Interlocked.Increment(ref calls) == 1) fast.ExecuteAsync(fastClaim[0], default).GetAwaiter().GetResult();
            return null;
        };

        await slow.ExecuteAsync(slowClaim[0], default); // saves last: hits the unique TaskId and stands down

        Studio.Generator.CallCount.ShouldBe(2);
        (await VariantsAsync(run.Id)).Count.ShouldBe(1);
        var task = (await TasksAsync(run.Id)).Single();
        task.Status.ShouldBe(GenerationTaskStatus.Done);
        task.Attempts.ShouldBe(2);
        (await Runs.GetRunAsync(run.Id))!.DoneTasks.ShouldBe(1);
    }

    [Fact]
    public async Task ResumesAfterACrashOnceTheDeadWorkersLeasesExpire()
    {
        var campaign = await Studio.CampaignAsync();
        var run = await Runs.StartRunAsync(campaign.Id);
        var crashed = await Studio.NewEngine().ClaimAsync(4, run.Id, default); // claimed, then the process "died"
        crashed.Count.ShouldBe(4);
        var survivor = Studio.NewEngine();

        (await survivor.RunUntilIdleAsync()).ShouldBe(8);
        (await Runs.GetRunAsync(run.Id))!.Status.ShouldNotBe(RunStatus.Completed); // 4 tasks still leased
        Studio.Clock.Advance(TimeSpan.FromSeconds(61));
        (await survivor.RunUntilIdleAsync()).ShouldBe(4);

        var variants = await VariantsAsync(run.Id);
        variants.Select(v => v.TaskId).Distinct().Count().ShouldBe(12);
        variants.Count.ShouldBe(12);
        var tasks = await TasksAsync(run.Id);
        tasks.Where(t => crashed.Contains(t.Id)).ShouldAllBe(t => t.Attempts == 2 && t.Status == GenerationTaskStatus.Done);
        (await Runs.GetRunAsync(run.Id))!.Status.ShouldBe(RunStatus.Completed);
    }

    [Fact]
    public async Task GivesUpOnATaskWhoseWorkersKeepDyingAndAsksForAPerson()
    {
        var campaign = await Studio.CampaignAsync(TestData.Brief(segments: 1, variants: 1, Core.Channels.ChannelKind.Email));
        var run = await Runs.StartRunAsync(campaign.Id);
        for (var i = 0; i < 5; i++) // five workers claim it and die
        {
            (await Studio.NewEngine().ClaimAsync(1, run.Id, default)).Count.ShouldBe(1);
            Studio.Clock.Advance(TimeSpan.FromSeconds(61));
        }

        await Studio.NewEngine().RunUntilIdleAsync();

        Studio.Generator.CallCount.ShouldBe(0);
        var variant = (await VariantsAsync(run.Id)).Single();
        variant.Outcome.ShouldBe(VariantOutcome.NeedsAttention);
        variant.Problem!.ShouldContain("Gave up after 5 attempts");
        (await Runs.GetRunAsync(run.Id))!.Status.ShouldBe(RunStatus.Completed);
    }

    [Fact]
    public async Task ALiveWorkerKeepsItsLeaseWhileTheModelIsSlow()
    {
        var campaign = await Studio.CampaignAsync(TestData.Brief(segments: 1, variants: 1, Core.Channels.ChannelKind.Email));
        var run = await Runs.StartRunAsync(campaign.Id);
        var writer = Studio.NewEngine();
        var claimed = await writer.ClaimAsync(1, run.Id, default);
        Studio.Clock.Advance(TimeSpan.FromSeconds(50)); // 10 s of a 60 s lease left

        (await writer.RenewLeaseAsync(claimed[0], default)).ShouldBeTrue();
        Studio.Clock.Advance(TimeSpan.FromSeconds(50));

        (await Studio.NewEngine().ClaimAsync(1, run.Id, default)).ShouldBeEmpty();
        (await Studio.NewEngine().RenewLeaseAsync(claimed[0], default)).ShouldBeFalse(); // not its lease
    }

    /// <summary>What the generator answers when the provider was busy or down (after the pipeline's own retries).</summary>
    static GeneratedVariant ProviderDown(CompositionRequest r, TimeSpan? retryAfter) =>
        FakeVariantGenerator.Write(r) with
        {
            Outcome = VariantOutcome.NeedsAttention, Problem = "the model call failed: HTTP 503", Transient = true, RetryAfter = retryAfter,
        };

    [Fact]
    public async Task ATaskWhoseProviderWasDownWaitsUntilItsNotBeforeThenFinishes()
    {
        var campaign = await Studio.CampaignAsync(TestData.Brief(segments: 1, variants: 1, Core.Channels.ChannelKind.Email));
        var run = await Runs.StartRunAsync(campaign.Id);
        var calls = 0;
        Studio.Generator.Answer = r => Interlocked.Increment(ref calls) == 1 ? ProviderDown(r, TimeSpan.FromSeconds(30)) : null;
        var engine = Studio.NewEngine();
        var failedAt = Studio.Clock.GetUtcNow().UtcDateTime;

        (await engine.RunUntilIdleAsync()).ShouldBe(1);

        var task = (await TasksAsync(run.Id)).Single();
        (task.Status, task.Requeues, task.Attempts, task.NotBeforeUtc).ShouldBe((GenerationTaskStatus.Pending, 1, 0, failedAt.AddSeconds(30)));
        (await VariantsAsync(run.Id)).ShouldBeEmpty(); // weather leaves no "needs attention" variant behind
        var waiting = (await Runs.GetProgressAsync(run.Id))!;
        (waiting.IsWaitingForProvider, waiting.WaitingForProvider, waiting.ProviderWaitUntilUtc).ShouldBe((true, 1, failedAt.AddSeconds(30)));
        Studio.Clock.Advance(TimeSpan.FromSeconds(29));
        (await engine.ClaimAsync(1, run.Id, default)).ShouldBeEmpty(); // not before the time it waits for

        Studio.Clock.Advance(TimeSpan.FromSeconds(2));
        (await engine.RunUntilIdleAsync()).ShouldBe(1);

        (await VariantsAsync(run.Id)).Single().Outcome.ShouldBe(VariantOutcome.Ok);
        (await Runs.GetRunAsync(run.Id))!.Status.ShouldBe(RunStatus.Completed);
        Hooks.CompletedRuns.Count.ShouldBe(1);
    }

    [Fact]
    public async Task AProviderThatNeverRecoversEndsTheTaskInNeedsAttentionWithTheReason()
    {
        var campaign = await Studio.CampaignAsync(TestData.Brief(segments: 1, variants: 1, Core.Channels.ChannelKind.Email));
        var run = await Runs.StartRunAsync(campaign.Id);
        Studio.Generator.Answer = r => ProviderDown(r, retryAfter: null);
        var max = Studio.Get<Microsoft.Extensions.Options.IOptions<GenerationOptions>>().Value.MaxTransientRequeues;

        for (var i = 0; i <= max; i++)
        {
            (await Studio.NewEngine().RunUntilIdleAsync()).ShouldBe(1);
            Studio.Clock.Advance(TimeSpan.FromHours(1)); // past any back-off
        }

        Studio.Generator.CallCount.ShouldBe(max + 1);
        var variant = (await VariantsAsync(run.Id)).Single();
        variant.Outcome.ShouldBe(VariantOutcome.NeedsAttention);
        variant.Problem!.ShouldContain("HTTP 503");
        variant.Problem!.ShouldContain($"gave up after {max} wait(s)");
        (await Runs.GetRunAsync(run.Id))!.Status.ShouldBe(RunStatus.Completed);
    }
}

public sealed class SqliteTaskLeaseTests : TaskLeaseTests
{
    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync() =>
        Task.FromResult<(DatabaseProvider, string, Action?)>(TestDatabases.Sqlite());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresTaskLeaseTests(PostgresServer server) : TaskLeaseTests
{
    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync() =>
        TestDatabases.PostgresAsync(server, nameof(PostgresTaskLeaseTests));
}
