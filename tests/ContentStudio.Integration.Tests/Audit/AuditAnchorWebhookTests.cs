using System.Text.Json;
using ContentStudio.Core.Audit;
using ContentStudio.Core.Publishing.Delivery;
using ContentStudio.Integration.Tests.Infrastructure;
using ContentStudio.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ContentStudio.Integration.Tests.Audit;

/// <summary>The chain's head also goes to a webhook target when one is configured: signed like the publishing webhooks,
/// sent in the background, retried after failures, never in the way of an append. A real receiver on loopback HTTP
/// checks every signature; the studio runs on a real SQLite file.</summary>
public sealed class AuditAnchorWebhookTests : IAsyncLifetime
{
    const string Secret = "anchor-webhook-secret-0123456789";
    WebhookReceiver _receiver = null!;
    TestStudio _studio = null!;

    public async Task InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync(Secret);
        var (provider, connectionString, cleanup) = TestDatabases.Sqlite();
        _studio = await TestStudio.StartAsync(provider, connectionString, cleanup, services: s => s.Configure<AuditOptions>(o =>
        {
            o.AnchorWebhookUrl = _receiver.Url.ToString();
            o.AnchorWebhookSecret = Secret;
            o.AnchorWebhookTimeoutSeconds = 1;
            o.AnchorWebhookRetrySeconds = 0.2;
            o.AnchorEveryEvents = 5;
        }));
    }

    public async Task DisposeAsync()
    {
        await _studio.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    AuditAnchor Anchor => _studio.Get<AuditAnchor>();
    AuditAnchorWebhook Webhook => _studio.Get<AuditAnchorWebhook>();

    static JsonElement Body(WebhookReceiver.Received r) => JsonDocument.Parse(r.Body).RootElement;

    [Fact]
    public async Task EveryFifthAppendSendsTheCommittedHeadSignedWithTheWebhookSecret()
    {
        // The anchor worker, as the web app runs it.
        var worker = _studio.Services.GetServices<IHostedService>().Single(s => s.GetType().Name == "AuditAnchorWorker");
        await worker.StartAsync(default);
        try
        {
            var events = await AuditTamper.RecordAsync(_studio, 5);
            for (var deadline = DateTime.UtcNow.AddSeconds(20); _receiver.Requests.Count == 0;)
            {
                DateTime.UtcNow.ShouldBeLessThan(deadline, "no head reached the webhook");
                await Task.Delay(50);
            }
            (await Webhook.FlushAsync(TimeSpan.FromSeconds(10))).ShouldBeTrue();

            var received = _receiver.Requests.Single();
            received.SignatureValid.ShouldBeTrue();
            received.DeliveryId.ShouldBe("audit-anchor-5");
            var body = Body(received);
            body.GetProperty("kind").GetString().ShouldBe("audit-anchor");
            body.GetProperty("sequence").GetInt64().ShouldBe(5);
            body.GetProperty("hash").GetString().ShouldBe(events[4].Hash);
            // The same record as the anchor file's line, MAC included: the receiver holds what verify compares with.
            var line = Anchor.Read().Lines.Single();
            body.GetProperty("mac").GetString().ShouldBe(line.Mac);
            Webhook.LastDelivered.ShouldBe(line with { Line = 0 });
        }
        finally { await worker.StopAsync(default); }
    }

    [Fact]
    public async Task TheAnchorAnAppendAsksForWaitsForThatAppendsTransactionToCommit()
    {
        // The fifth append asks for an anchor while its transaction is still open; the worker wakes at once. Anchoring
        // the head committed at that moment would record event 4 and leave 5 unanchored until the next interval.
        var log = _studio.Get<AuditLog>();
        await AuditTamper.RecordAsync(_studio, 4);
        await using var db = _studio.Db();
        await using var tx = await db.Database.BeginTransactionAsync();
        await log.AppendAsync(db, new AuditEntry("tester", "test.fifth", "Test", "5"));
        await db.SaveChangesAsync();
        (await Anchor.WaitUntilDueAsync(TimeSpan.Zero, default)).ShouldBeTrue("the fifth append asks for an anchor");

        var anchoring = Anchor.AnchorRequestedHeadAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(300);
        anchoring.IsCompleted.ShouldBeFalse("event 5 is not committed yet, so there is nothing right to anchor");
        await tx.CommitAsync();

        (await anchoring)!.Sequence.ShouldBe(5);
    }

    [Fact]
    public async Task AFailingReceiverIsRetriedUntilItTakesTheHeadAndTheLogKeepsGoingMeanwhile()
    {
        _receiver.Script = (_, seenBefore) => seenBefore < 2 ? ReceiverAct.Fail : ReceiverAct.Accept;
        await AuditTamper.RecordAsync(_studio, 3);
        (await Anchor.AnchorCommittedHeadAsync())!.Sequence.ShouldBe(3);

        (await Webhook.FlushAsync(TimeSpan.FromSeconds(15))).ShouldBeTrue();

        var attempts = _receiver.Requests.Where(r => r.DeliveryId == "audit-anchor-3").ToList();
        attempts.Select(a => a.Act).ShouldBe([ReceiverAct.Fail, ReceiverAct.Fail, ReceiverAct.Accept]);
        attempts.ShouldAllBe(a => a.SignatureValid);
        _receiver.Processed.Keys.ShouldBe(["audit-anchor-3"]);
        Webhook.LastDelivered!.Sequence.ShouldBe(3);
    }

    [Fact]
    public async Task AReceiverThatDoesNotAnswerNeverHoldsUpAnAppend()
    {
        _receiver.Script = (_, _) => ReceiverAct.Hang;
        _receiver.HangFor = TimeSpan.FromSeconds(10);
        await AuditTamper.RecordAsync(_studio, 1);
        await Anchor.AnchorCommittedHeadAsync();
        for (var deadline = DateTime.UtcNow.AddSeconds(10); _receiver.Requests.Count == 0;)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the head was never sent");
            await Task.Delay(20);
        }

        // The POST is outstanding (the receiver holds it); appends and anchors go on regardless.
        (await AuditTamper.RecordAsync(_studio, 20)).Count.ShouldBe(21); // the whole log, read back
        (await Anchor.AnchorCommittedHeadAsync())!.Sequence.ShouldBe(21);
        (await Webhook.FlushAsync(TimeSpan.Zero)).ShouldBeFalse("the head is still waiting to be delivered");
        Webhook.LastDelivered.ShouldBeNull();
        (await _studio.Get<AuditVerifier>().VerifyAsync()).Ok.ShouldBeTrue();
    }
}
