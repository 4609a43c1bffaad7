using ContentStudio.Core.Generation;

namespace ContentStudio.Core.Tests.Generation;

public sealed class RunProgressNotifierTests
{
    private static RunProgress For(Guid run) => new(run, Guid.Empty, RunStatus.Running, 1, 0, 0, 0, 1, 0);

    [Fact]
    public void DeliversOnlyTheSubscribedRunsEvents()
    {
        var notifier = new RunProgressNotifier();
        var mine = Guid.NewGuid();
        var seen = new List<Guid>();
        using var _ = notifier.Subscribe(p => seen.Add(p.RunId), mine);

        notifier.Publish(For(Guid.NewGuid()));
        notifier.Publish(For(mine));

        seen.ShouldBe([mine]);
    }

    [Fact]
    public void StopsDeliveringOnceTheSubscriptionIsDisposed()
    {
        var notifier = new RunProgressNotifier();
        var count = 0;
        var subscription = notifier.Subscribe(_ => count++);
        notifier.Publish(For(Guid.NewGuid()));

        subscription.Dispose();
        subscription.Dispose(); // twice is harmless
        notifier.Publish(For(Guid.NewGuid()));

        count.ShouldBe(1);
    }

    [Fact]
    public void DropsAReportOlderThanOneAlreadySent()
    {
        var notifier = new RunProgressNotifier();
        var run = Guid.NewGuid();
        var seen = new List<RunProgress>();
        using var _ = notifier.Subscribe(seen.Add);
        var done = new RunProgress(run, Guid.Empty, RunStatus.Completed, 2, 2, 0, 0, 0, 0);

        notifier.Publish(new RunProgress(run, Guid.Empty, RunStatus.Running, 2, 1, 0, 0, 0, 1));
        notifier.Publish(done);
        notifier.Publish(new RunProgress(run, Guid.Empty, RunStatus.Running, 2, 2, 0, 0, 0, 0)); // read before the run closed
        notifier.Publish(new RunProgress(run, Guid.Empty, RunStatus.Running, 2, 1, 0, 0, 0, 1)); // older still

        seen.Count.ShouldBe(2);
        seen[^1].ShouldBe(done);
    }

    [Fact]
    public void ASubscriberThatThrowsDoesNotStopTheOthers()
    {
        var notifier = new RunProgressNotifier();
        var reached = false;
        notifier.ProgressChanged += _ => throw new ObjectDisposedException("circuit");
        notifier.ProgressChanged += _ => reached = true;

        Should.NotThrow(() => notifier.Publish(For(Guid.NewGuid())));
        reached.ShouldBeTrue();
    }
}
