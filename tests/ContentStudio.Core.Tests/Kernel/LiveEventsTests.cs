using ContentStudio.Core.Generation;
using ContentStudio.Core.Kernel;
using ContentStudio.Core.Review.Queue;

namespace ContentStudio.Core.Tests.Kernel;

/// <summary>The one live-update mechanism: typed subscriptions with filters, per-stream order, isolation of subscribers,
/// and forwarding to the other instances.</summary>
public sealed class LiveEventsTests
{
    private static RunProgress For(Guid run) => new(run, Guid.Empty, RunStatus.Running, 1, 0, 0, 0, 1, 0);

    [Fact]
    public void DeliversOnlyTheSubscribedTypeAndWhatTheFilterAccepts()
    {
        var live = new LiveEvents();
        var mine = Guid.NewGuid();
        var seen = new List<Guid>();
        using var _ = live.Subscribe<RunProgress>(p => seen.Add(p.RunId), p => p.RunId == mine);

        live.Publish(For(Guid.NewGuid()));
        live.Publish(new ReviewQueueChange(mine, "approved", "bree"));
        live.Publish(For(mine));

        seen.ShouldBe([mine]);
    }

    [Fact]
    public void StopsDeliveringOnceTheSubscriptionIsDisposed()
    {
        var live = new LiveEvents();
        var count = 0;
        var subscription = live.Subscribe<RunProgress>(_ => count++);
        live.Publish(For(Guid.NewGuid()));

        subscription.Dispose();
        subscription.Dispose(); // twice is harmless
        live.Publish(For(Guid.NewGuid()));

        count.ShouldBe(1);
    }

    [Fact]
    public void DropsAReportOlderThanOneAlreadySentOnItsStream()
    {
        var live = new LiveEvents();
        var run = Guid.NewGuid();
        var seen = new List<RunProgress>();
        using var _ = live.Subscribe<RunProgress>(seen.Add);
        var done = new RunProgress(run, Guid.Empty, RunStatus.Completed, 2, 2, 0, 0, 0, 0);

        live.Publish(new RunProgress(run, Guid.Empty, RunStatus.Running, 2, 1, 0, 0, 0, 1));
        live.Publish(done);
        live.Publish(new RunProgress(run, Guid.Empty, RunStatus.Running, 2, 2, 0, 0, 0, 0)); // read before the run closed
        live.Publish(new RunProgress(run, Guid.Empty, RunStatus.Running, 2, 1, 0, 0, 0, 1)); // older still
        live.Publish(For(Guid.NewGuid())); // another run's stream is its own

        seen.Count.ShouldBe(3);
        seen[1].ShouldBe(done);
    }

    [Fact]
    public void MessagesWithoutAStreamAreNeverDropped()
    {
        var live = new LiveEvents();
        var seen = 0;
        using var _ = live.Subscribe<ReviewQueueChange>(_ => seen++);
        var id = Guid.NewGuid();

        live.Publish(new ReviewQueueChange(id, "claimed", "bree"));
        live.Publish(new ReviewQueueChange(id, "claimed", "bree"));

        seen.ShouldBe(2);
    }

    [Fact]
    public void ASubscriberThatThrowsDoesNotStopThePublisherNorTheOthers()
    {
        var live = new LiveEvents();
        var reached = false;
        using var a = live.Subscribe<RunProgress>(_ => throw new ObjectDisposedException("circuit"));
        using var b = live.Subscribe<RunProgress>(_ => reached = true);

        Should.NotThrow(() => live.Publish(For(Guid.NewGuid())));
        reached.ShouldBeTrue();
    }

    [Fact]
    public void PublishedMessagesGoToTheSinksButReceivedOnesAreNotSentBack()
    {
        var sink = new RecordingSink();
        var live = new LiveEvents([sink]);
        var local = new List<ReviewQueueChange>();
        using var _ = live.Subscribe<ReviewQueueChange>(local.Add);
        var published = new ReviewQueueChange(Guid.NewGuid(), "approved", "bree");
        var fromElsewhere = new ReviewQueueChange(Guid.NewGuid(), "rejected", "gina");

        live.Publish(published);
        live.Receive(fromElsewhere);

        sink.Forwarded.ShouldBe([published]);
        local.ShouldBe([published, fromElsewhere]);
    }

    private sealed class RecordingSink : ILiveEventSink
    {
        public List<ILiveEvent> Forwarded { get; } = [];
        public void Forward(ILiveEvent message) => Forwarded.Add(message);
    }
}
