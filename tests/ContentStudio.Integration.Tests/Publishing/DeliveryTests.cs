using ContentStudio.Testing;
using Microsoft.EntityFrameworkCore;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Publishing;
using ContentStudio.Core.Review;
using ContentStudio.Integration.Tests.Infrastructure;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Integration.Tests.Publishing;

/// <summary>The outbox against a real webhook receiver on loopback that fails, times out and drops connections:
/// every approval arrives exactly once in effect, signed, and nothing unapproved or edited after approval is sent.</summary>
public abstract class DeliveryTests : PublishingTests
{
    [Fact]
    public async Task HundredApprovalsGiveExactlyHundredEffectiveDeliveriesThroughFailuresTimeoutsAndDrops()
    {
        await using var receiver = await WebhookReceiver.StartAsync(PublishingStudio.Secret);
        var target = await Studio.WebhookAsync(receiver.Url);
        var (_, approved) = await Studio.SeedAsync(100);
        var (_, edited) = await Studio.SeedAsync(5);
        var (_, unapproved) = await Studio.SeedAsync(5, approve: false, state: ReviewState.InReview);
        var flaky = approved.Select((v, i) => (v.Id, i)).ToDictionary(x => x.Id, x => x.i % 10);
        receiver.Script = (variantId, seen) => (flaky.GetValueOrDefault(variantId, -1), seen) switch
        {
            (0, < 2) => ReceiverAct.Fail,            // two 500s, then fine
            (1, 0) => ReceiverAct.Hang,              // one timeout
            (2, 0) => ReceiverAct.ProcessThenDrop,   // processed, but the answer never arrives: sent again
            (3, 0) => ReceiverAct.ProcessThenHang,   // processed, then the sender times out: sent again
            _ => ReceiverAct.Accept,
        };

        var service = Studio.Get<PublishingService>();
        var result = await service.PublishAsync([.. approved.Select(v => v.Id), .. edited.Select(v => v.Id)], target.Id, PublishingStudio.Manager);
        result.Queued.Count.ShouldBe(105);
        var refused = await Should.ThrowAsync<PublishRefusedException>(() => service.PublishAsync(unapproved.Select(v => v.Id).ToList(), target.Id, PublishingStudio.Manager));
        refused.Reasons.Count.ShouldBe(5);
        foreach (var v in edited) await Studio.EditAsync(v.Id, "Edited after approval: 5% AER!");

        await Task.WhenAll(Studio.NewDispatcher().DrainAsync(), Studio.NewDispatcher().DrainAsync());

        receiver.Processed.Count.ShouldBe(100);
        receiver.Processed.Values.ToHashSet().SetEquals(approved.Select(v => v.Id)).ShouldBeTrue();
        receiver.DuplicatesIgnored.ShouldBeGreaterThanOrEqualTo(20); // the dropped and hung answers came again, same id
        receiver.Requests.ShouldAllBe(r => r.SignatureValid);
        receiver.Requests.GroupBy(r => r.VariantId).ShouldAllBe(g => g.Select(r => r.DeliveryId).Distinct().Count() == 1);
        var forbidden = edited.Concat(unapproved).Select(v => v.Id).ToHashSet();
        receiver.Requests.ShouldNotContain(r => forbidden.Contains(r.VariantId));

        var outbox = await Studio.OutboxAsync();
        outbox.Count(m => m.Status == OutboxStatus.Sent).ShouldBe(100);
        outbox.Where(m => m.Status == OutboxStatus.Sent).ShouldAllBe(m => m.ReceiptJson != null && m.LeaseOwner == null);
        var cancelled = outbox.Where(m => m.Status == OutboxStatus.Cancelled).ToList();
        cancelled.Count.ShouldBe(5);
        cancelled.ShouldAllBe(m => m.LastError!.Contains("changed after approval"));
        var twiceFailed = outbox.Where(m => flaky.GetValueOrDefault(m.VariantId, -1) == 0).ToList();
        twiceFailed.ShouldAllBe(m => m.Attempts == 3, string.Join("\n", twiceFailed.Select(m => $"{m.Attempts}: {m.LastError}")));
    }

    /// <summary>Also the correctness half of the former 1,000-delivery CI test (the rate is now the `publish` bench mode):
    /// every approval sent once, signed, by two dispatchers that both took part.</summary>
    [Fact]
    public async Task TwoDispatchersNeverSendTheSameRowTwice()
    {
        await using var receiver = await WebhookReceiver.StartAsync(PublishingStudio.Secret);
        var target = await Studio.WebhookAsync(receiver.Url);
        var (_, variants) = await Studio.SeedAsync(120);
        await Studio.Get<PublishingService>().PublishAsync(variants.Select(v => v.Id).ToList(), target.Id, PublishingStudio.Manager);

        var results = await Task.WhenAll(Studio.NewDispatcher().DrainAsync(), Studio.NewDispatcher().DrainAsync());

        results.Sum(r => r.Sent).ShouldBe(120);
        results.ShouldAllBe(r => r.Sent > 0); // both really took part
        receiver.Requests.Count.ShouldBe(120);
        receiver.DuplicatesIgnored.ShouldBe(0);
        receiver.Processed.Values.ToHashSet().SetEquals(variants.Select(v => v.Id)).ShouldBeTrue();
        receiver.Requests.ShouldAllBe(r => r.SignatureValid);
        (await Studio.OutboxAsync()).ShouldAllBe(m => m.Status == OutboxStatus.Sent && m.Attempts == 1);
    }

    [Fact]
    public async Task AContentChangeAfterQueueingCancelsTheDeliveryWithTheReason()
    {
        await using var receiver = await WebhookReceiver.StartAsync(PublishingStudio.Secret);
        var target = await Studio.WebhookAsync(receiver.Url);
        var (_, variants) = await Studio.SeedAsync(2);
        await Studio.Get<PublishingService>().PublishAsync(variants.Select(v => v.Id).ToList(), target.Id, PublishingStudio.Manager);
        await Studio.EditAsync(variants[0].Id, "new words");
        // The reviewer also withdrew the other one: state no longer approved.
        await using (var db = Studio.Db())
        {
            await db.Variants.Where(x => x.Id == variants[1].Id)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ReviewState, ReviewState.ChangesRequested));
        }

        var summary = await Studio.NewDispatcher().DrainAsync();

        summary.Cancelled.ShouldBe(2);
        receiver.Requests.ShouldBeEmpty();
        var outbox = await Studio.OutboxAsync();
        outbox.Single(m => m.VariantId == variants[0].Id).LastError!.ShouldContain("changed after approval");
        outbox.Single(m => m.VariantId == variants[1].Id).LastError!.ShouldContain("is ChangesRequested, not approved");
    }

    [Fact]
    public async Task FailuresPastMaxAttemptsAreDeadAndARetrySendsThemWithTheSameDeliveryId()
    {
        await using var receiver = await WebhookReceiver.StartAsync(PublishingStudio.Secret);
        var failing = true;
        receiver.Script = (_, _) => failing ? ReceiverAct.Fail : ReceiverAct.Accept;
        var target = await Studio.WebhookAsync(receiver.Url);
        var (_, variants) = await Studio.SeedAsync(1);
        var id = (await Studio.Get<PublishingService>().PublishAsync([variants[0].Id], target.Id, PublishingStudio.Manager)).Queued.Single();

        await Studio.NewDispatcher().DrainAsync();
        var queries = Studio.Get<OutboxQueries>();
        var dead = (await queries.ListAsync(OutboxStatus.Dead)).Single();
        dead.Id.ShouldBe(id);
        dead.Attempts.ShouldBe(6);
        dead.LastError.ShouldBe("attempt 6: HTTP 500: temporarily broken");
        dead.TargetName.ShouldBe(PublishingStudio.HookName);
        receiver.Requests.Count.ShouldBe(6);

        var marketer = People.Mia;
        (await Should.ThrowAsync<AccessDeniedException>(() => queries.RetryAsync(id, marketer))).Message.ShouldContain("mia@example.com");
        await Should.ThrowAsync<AccessDeniedException>(() => queries.CancelAsync(id, StudioUser.Anonymous));
        (await queries.ListAsync(OutboxStatus.Dead)).Single().Id.ShouldBe(id); // the refusals changed nothing

        failing = false;
        await queries.RetryAsync(id, PublishingStudio.Manager);
        await Studio.NewDispatcher().DrainAsync();
        (await queries.ListAsync(OutboxStatus.Sent)).Single().Id.ShouldBe(id);
        receiver.Processed.Keys.ShouldBe([id.ToString()]);
        (await queries.CountsAsync()).ShouldBe(new OutboxCounts(0, 0, 1, 0, 0));
        (await Should.ThrowAsync<PublishingException>(() => queries.CancelAsync(id, PublishingStudio.Manager))).Message.ShouldContain("is Sent");
    }

    [Fact]
    public async Task RedirectsAreNeverFollowed()
    {
        await using var receiver = await WebhookReceiver.StartAsync(PublishingStudio.Secret);
        receiver.Script = (_, _) => ReceiverAct.Redirect;
        var target = await Studio.WebhookAsync(receiver.Url);
        var (_, variants) = await Studio.SeedAsync(1);
        await Studio.Get<PublishingService>().PublishAsync([variants[0].Id], target.Id, PublishingStudio.Manager);

        await Studio.NewDispatcher().DrainAsync();

        receiver.RedirectTargetHits.ShouldBe(0);
        (await Studio.OutboxAsync()).Single().LastError!.ShouldContain("redirects are not followed");
    }
}

/// <summary>A dispatcher that dies mid-batch: its claims outlive it only until their leases run out. Longer request
/// timeout here so the kill lands while the sends are still in flight, even on a busy machine.</summary>
public abstract class DispatcherKillTests : PublishingTests
{
    protected override void Configure(PublishingOptions options) { options.RequestTimeoutSeconds = 2; options.LeaseSeconds = 5; }

    [Fact]
    public async Task ADispatcherKilledMidBatchLeavesLeasesThatASecondDispatcherFinishes()
    {
        await using var receiver = await WebhookReceiver.StartAsync(PublishingStudio.Secret);
        receiver.Script = (_, seen) => seen == 0 ? ReceiverAct.ProcessThenHang : ReceiverAct.Accept;
        var target = await Studio.WebhookAsync(receiver.Url);
        var (_, variants) = await Studio.SeedAsync(12);
        await Studio.Get<PublishingService>().PublishAsync(variants.Select(v => v.Id).ToList(), target.Id, PublishingStudio.Manager);

        using (var kill = new CancellationTokenSource())
        {
            var first = Studio.NewDispatcher();
            var running = first.RunOnceAsync(kill.Token);
            while (receiver.Requests.Count < 8) await Task.Delay(10); // 8 sends in flight (Concurrency = 8)
            kill.Cancel();                                             // the process dies: no result is recorded
            await Should.ThrowAsync<OperationCanceledException>(() => running);
        }
        var claimed = (await Studio.OutboxAsync()).Where(m => m.Status == OutboxStatus.Sending).ToList();
        claimed.Count.ShouldBe(12); // the whole batch of 12 was claimed before the kill
        var second = Studio.NewDispatcher();
        (await second.RunOnceAsync()).Claimed.ShouldBe(0); // leases still held

        await second.DrainAsync(); // waits for the leases to run out, then sends
        var outbox = await Studio.OutboxAsync();
        outbox.ShouldAllBe(m => m.Status == OutboxStatus.Sent);
        receiver.Processed.Count.ShouldBe(12);
        receiver.Requests.ShouldAllBe(r => r.SignatureValid);
        receiver.Requests.GroupBy(r => r.DeliveryId).ShouldAllBe(g => g.Count() <= 2);
    }
}

public sealed class SqliteDispatcherKillTests : DispatcherKillTests
{
    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync() =>
        Task.FromResult<(DatabaseProvider, string, Action?)>(TestDatabases.Sqlite());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresDispatcherKillTests(PostgresServer server) : DispatcherKillTests
{
    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync() =>
        TestDatabases.PostgresAsync(server, nameof(PostgresDispatcherKillTests));
}

public sealed class SqliteDeliveryTests : DeliveryTests
{
    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync() =>
        Task.FromResult<(DatabaseProvider, string, Action?)>(TestDatabases.Sqlite());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresDeliveryTests(PostgresServer server) : DeliveryTests
{
    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync() =>
        TestDatabases.PostgresAsync(server, nameof(PostgresDeliveryTests));
}
