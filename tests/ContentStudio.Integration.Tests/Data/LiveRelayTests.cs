using ContentStudio.Core.Channels;
using ContentStudio.Core.Checks;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Data.Live;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Kernel;
using ContentStudio.Core.Review;
using ContentStudio.Core.Review.Queue;
using ContentStudio.Integration.Tests.Infrastructure;
using ContentStudio.Integration.Tests.Review;

namespace ContentStudio.Integration.Tests.Data;

/// <summary>Two instances on one PostgreSQL database (two service providers, as two web processes would have): what
/// one commits is announced to the other's pages through LISTEN/NOTIFY.</summary>
[Collection(PostgresCollection.Name)]
public sealed class LiveRelayTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private TestStudio _a = null!, _b = null!;
    private readonly CancellationTokenSource _stop = new();

    public async Task InitializeAsync()
    {
        var connection = await server.CreateDatabaseAsync(nameof(LiveRelayTests));
        _a = await TestStudio.StartAsync(DatabaseProvider.PostgreSql, connection, services: s => s.AddReview());
        _b = await TestStudio.StartAsync(DatabaseProvider.PostgreSql, connection, services: s => s.AddReview());
        foreach (var instance in new[] { _a, _b })
        {
            var relay = instance.Get<PostgresLiveRelay>();
            await relay.StartAsync(_stop.Token);
            await relay.Listening.WaitAsync(Wait);
        }
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _a.Get<PostgresLiveRelay>().StopAsync(CancellationToken.None);
        await _b.Get<PostgresLiveRelay>().StopAsync(CancellationToken.None);
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    [Fact]
    public async Task AClaimOnOneInstanceReachesTheOtherInstancesQueueOnceAndIsNotEchoedBack()
    {
        await _a.CampaignAsync("Live", 3, null, variants: [new QueueSeed.Spec("students", ChannelKind.Email, Gate.Clean)]);
        var id = (await _a.Get<ReviewQueue>().GetPageAsync(new QueueFilter())).Items.Single().VariantId;
        var onB = new TaskCompletionSource<ReviewQueueChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        var onA = new List<ReviewQueueChange>();
        using var b = _b.Get<ILiveEvents>().Subscribe<ReviewQueueChange>(c => onB.TrySetResult(c));
        using var a = _a.Get<ILiveEvents>().Subscribe<ReviewQueueChange>(onA.Add);

        await _a.Get<QueueClaims>().ClaimAsync(id, TestStudio.BrandManager);

        var seen = await onB.Task.WaitAsync(Wait);
        (seen.VariantId, seen.What, seen.Actor).ShouldBe((id, "claimed", TestStudio.BrandManager.Id));
        await Task.Delay(500); // time for an echo to come back, if the relay sent one
        onA.ShouldHaveSingleItem().VariantId.ShouldBe(id);
    }

    [Fact]
    public async Task RunProgressCrossesInstancesInOrder()
    {
        var run = Guid.NewGuid();
        var seen = new List<RunProgress>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var _ = _b.Get<ILiveEvents>().Subscribe<RunProgress>(p => { lock (seen) seen.Add(p); if (p.IsOver) done.TrySetResult(); },
            p => p.RunId == run);

        var live = _a.Get<ILiveEvents>();
        live.Publish(new RunProgress(run, Guid.Empty, RunStatus.Running, 3, 1, 0, 0, 1, 1));
        live.Publish(new RunProgress(run, Guid.Empty, RunStatus.Running, 3, 2, 0, 0, 0, 1));
        live.Publish(new RunProgress(run, Guid.Empty, RunStatus.Completed, 3, 3, 0, 0, 0, 0));

        await done.Task.WaitAsync(Wait);
        lock (seen) seen.Select(p => p.Finished).ShouldBe([1, 2, 3]);
    }
}
