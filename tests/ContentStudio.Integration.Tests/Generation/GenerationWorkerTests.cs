using ContentStudio.Core.Kernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Generation;
using ContentStudio.Integration.Tests.Infrastructure;

namespace ContentStudio.Integration.Tests.Generation;

/// <summary>The hosted worker and cancellation while a model call is in flight.</summary>
public abstract class GenerationWorkerTests : StudioTests
{
    private GenerationService Runs => Studio.Get<GenerationService>();

    protected override void ConfigureOptions(GenerationOptions options)
    {
        options.PollIntervalMilliseconds = 50;
        options.LeaseSeconds = 6; // renewed every 2 s while a call runs
    }

    protected override void ConfigureServices(IServiceCollection services) => services.AddGenerationWorker();

    [Fact]
    public async Task TheBackgroundWorkerPicksUpANewRunAndReportsItsEnd()
    {
        var campaign = await Studio.CampaignAsync();
        var worker = Studio.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<GenerationWorker>().Single();
        var completed = new TaskCompletionSource<RunProgress>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var _ = Studio.Get<ILiveEvents>().Subscribe<RunProgress>(p => { if (p.Status == RunStatus.Completed) completed.TrySetResult(p); });
        await worker.StartAsync(default);
        try
        {
            var run = await Runs.StartRunAsync(campaign.Id);

            var done = await completed.Task.WaitAsync(TimeSpan.FromSeconds(30));

            done.RunId.ShouldBe(run.Id);
            done.Done.ShouldBe(12);
            done.Percent.ShouldBe(100);
        }
        finally { await worker.StopAsync(default); }
    }

    [Fact]
    public async Task ResumesARunLeftRunningByAnEarlierProcessWhenTheWorkerStarts()
    {
        var campaign = await Studio.CampaignAsync();
        var run = await Runs.StartRunAsync(campaign.Id);
        var earlier = Studio.NewEngine();
        foreach (var id in await earlier.ClaimAsync(2, run.Id, default)) await earlier.ExecuteAsync(id, default);
        await earlier.ClaimAsync(2, run.Id, default); // then it died holding two leases
        Studio.Clock.Advance(TimeSpan.FromMinutes(5));
        var worker = Studio.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<GenerationWorker>().Single();

        await worker.StartAsync(default);
        try
        {
            for (var i = 0; i < 300 && (await Runs.GetRunAsync(run.Id))!.Status != RunStatus.Completed; i++) await Task.Delay(100);
        }
        finally { await worker.StopAsync(default); }

        (await Runs.GetRunAsync(run.Id))!.Status.ShouldBe(RunStatus.Completed);
        await using var db = Studio.Db();
        (await db.Variants.CountAsync(v => v.RunId == run.Id)).ShouldBe(12);
        Studio.Generator.CallCount.ShouldBe(12);
    }

    [Fact]
    public async Task RenewsTheLeaseWhileASlowModelCallRuns()
    {
        var campaign = await Studio.CampaignAsync(TestData.Brief(segments: 1, variants: 1, Core.Channels.ChannelKind.Email));
        var run = await Runs.StartRunAsync(campaign.Id);
        var claimedAt = Studio.Clock.GetUtcNow().UtcDateTime;
        var renewed = claimedAt.AddSeconds(4 + 6);
        DateTime? leaseDuringCall = null;
        Studio.Generator.Answer = r =>
        {
            Studio.Clock.Advance(TimeSpan.FromSeconds(4));
            // The model is slow: wait (at most 20 s, a busy machine) for the keeper's renewal, due after 2 s.
            for (var waited = 0; waited < 200 && leaseDuringCall != renewed; waited++)
            {
                Thread.Sleep(100);
                using var db = Studio.Db();
                leaseDuringCall = db.GenerationTasks.Single(t => t.RunId == run.Id).LeaseExpiresUtc;
            }
            return null;
        };

        await Studio.NewEngine().RunUntilIdleAsync();

        leaseDuringCall.ShouldBe(renewed);
    }

    [Fact]
    public async Task DiscardsTheOutputOfACallInFlightWhenTheRunIsCancelled()
    {
        var campaign = await Studio.CampaignAsync(TestData.Brief(segments: 1, variants: 1, Core.Channels.ChannelKind.Email));
        var run = await Runs.StartRunAsync(campaign.Id);
        Studio.Generator.Answer = r =>
        {
            Runs.CancelAsync(run.Id, TestStudio.Marketer).GetAwaiter().GetResult(); // a person presses Cancel while the model writes
            return null;
        };

        await Studio.NewEngine().RunUntilIdleAsync();

        Studio.Generator.CallCount.ShouldBe(1);
        await using var db = Studio.Db();
        (await db.Variants.CountAsync(v => v.RunId == run.Id)).ShouldBe(0);
        (await Runs.GetProgressAsync(run.Id)).ShouldBe(new RunProgress(run.Id, campaign.Id, RunStatus.Cancelled, 1, 0, 0, 1, 0, 0));
    }
}

public sealed class SqliteGenerationWorkerTests : GenerationWorkerTests
{
    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync() =>
        Task.FromResult<(DatabaseProvider, string, Action?)>(TestDatabases.Sqlite());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresGenerationWorkerTests(PostgresServer server) : GenerationWorkerTests
{
    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync() =>
        TestDatabases.PostgresAsync(server, nameof(PostgresGenerationWorkerTests));
}
