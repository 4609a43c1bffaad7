using static ContentStudio.Testing.People;
using ContentStudio.Testing;
using System.Text.Json;
using ContentStudio.Core.Audit;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Publishing;
using ContentStudio.Core.Review;
using ContentStudio.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Integration.Tests.Publishing;

/// <summary>A sent delivery is the moment a variant is published: the receipt, the variant's move along the review
/// table and the audit event commit together. Published copy may still go out to further targets.</summary>
public abstract class PublishedStateTests : PublishingTests
{
    private static readonly StudioUser Bree = PublishingStudio.Manager;
    private PublishingService Service => Studio.Get<PublishingService>();

    private async Task<string> StateAsync(Guid variantId)
    {
        await using var db = Studio.Db();
        return (await db.Variants.AsNoTracking().Where(v => v.Id == variantId).Select(v => v.ReviewState).SingleAsync()).ToString();
    }

    /// <summary>The variants' events (adding the target is audited too, under its own entity).</summary>
    private async Task<List<AuditEvent>> AuditAsync()
    {
        await using var db = Studio.Db();
        return await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == "Variant").OrderBy(e => e.Sequence).ToListAsync();
    }

    [Fact]
    public async Task ASentDeliveryMovesApprovedAndScheduledVariantsToPublishedWithAnAuditEventNamingTargetAndDelivery()
    {
        await using var receiver = await WebhookReceiver.StartAsync(PublishingStudio.Secret);
        var target = await Studio.WebhookAsync(receiver.Url);
        var (_, approved) = await Studio.SeedAsync(1);
        var (_, scheduled) = await Studio.SeedAsync(1, state: ReviewState.Scheduled);
        var queued = await Service.PublishAsync([approved[0].Id, scheduled[0].Id], target.Id, Bree);
        (await StateAsync(approved[0].Id)).ShouldBe("Approved"); // queued is not published
        (await AuditAsync()).ShouldBeEmpty();

        (await Studio.NewDispatcher().DrainAsync()).Sent.ShouldBe(2);

        (await StateAsync(approved[0].Id)).ShouldBe("Published");
        (await StateAsync(scheduled[0].Id)).ShouldBe("Published");
        var events = await AuditAsync();
        events.Count.ShouldBe(2);
        var outbox = await Studio.OutboxAsync();
        foreach (var (variant, from) in new[] { (approved[0], "Approved"), (scheduled[0], "Scheduled") })
        {
            var delivery = outbox.Single(m => m.VariantId == variant.Id);
            delivery.Id.ShouldBeOneOf([.. queued.Queued]);
            var e = events.Single(x => x.EntityId == variant.Id.ToString());
            (e.Action, e.EntityType, e.Actor).ShouldBe((AuditActions.ReviewPublished, "Variant", Bree.Id));
            var data = JsonDocument.Parse(e.DataJson).RootElement;
            data.GetProperty("from").GetString().ShouldBe(from);
            data.GetProperty("to").GetString().ShouldBe("Published");
            data.GetProperty("deliveryId").GetGuid().ShouldBe(delivery.Id);
            data.GetProperty("target").GetString().ShouldBe(PublishingStudio.HookName);
            data.GetProperty("contentHash").GetString().ShouldBe(variant.ContentHash);
        }
        events[1].Sequence.ShouldBe(events[0].Sequence + 1); // after the target's own event, nothing in between
        events[1].PreviousHash.ShouldBe(events[0].Hash); // one chain, appended by the dispatcher
    }

    [Fact]
    public async Task APublishedVariantGoesOutToASecondTargetAndStaysPublished()
    {
        await using var receiver = await WebhookReceiver.StartAsync(PublishingStudio.Secret);
        var hook = await Studio.WebhookAsync(receiver.Url);
        var files = await Studio.Get<PublishTargets>().AddFileExportAsync("archive", "partner/feed", PublishingStudio.Admin);
        var (_, variants) = await Studio.SeedAsync(1);
        var id = variants[0].Id;
        await Service.PublishAsync([id], hook.Id, Bree);
        await Studio.NewDispatcher().DrainAsync();
        (await StateAsync(id)).ShouldBe("Published");

        var second = await Service.PublishAsync([id], files.Id, Bob, DateTime.UtcNow.AddMilliseconds(200));
        (await StateAsync(id)).ShouldBe("Published"); // scheduling another target does not take it back to Scheduled
        (await Studio.NewDispatcher().DrainAsync()).Sent.ShouldBe(1);

        (await StateAsync(id)).ShouldBe("Published");
        var outbox = await Studio.OutboxAsync();
        outbox.Count.ShouldBe(2);
        outbox.ShouldAllBe(m => m.Status == OutboxStatus.Sent);
        var events = await AuditAsync();
        events.Count.ShouldBe(2);
        var later = JsonDocument.Parse(events[1].DataJson).RootElement;
        events[1].Actor.ShouldBe(Bob.Id);
        (later.GetProperty("from").GetString(), later.GetProperty("to").GetString()).ShouldBe(("Published", "Published"));
        later.GetProperty("deliveryId").GetGuid().ShouldBe(second.Queued.Single());
        later.GetProperty("target").GetString().ShouldBe("archive");
    }

    [Fact]
    public async Task PublishedCopyEditedBehindTheWorkflowsBackIsNotSentToAnotherTarget()
    {
        await using var receiver = await WebhookReceiver.StartAsync(PublishingStudio.Secret);
        var hook = await Studio.WebhookAsync(receiver.Url);
        var files = await Studio.Get<PublishTargets>().AddFileExportAsync("archive", "partner/feed", PublishingStudio.Admin);
        var (_, variants) = await Studio.SeedAsync(1);
        await Service.PublishAsync([variants[0].Id], hook.Id, Bree);
        await Studio.NewDispatcher().DrainAsync();
        await Studio.EditAsync(variants[0].Id, "changed after publication");

        var refused = await Should.ThrowAsync<PublishRefusedException>(() => Service.PublishAsync([variants[0].Id], files.Id, Bob));

        refused.Reasons.Single().ShouldContain("changed after approval");
    }
}

public sealed class SqlitePublishedStateTests : PublishedStateTests
{
    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync() =>
        Task.FromResult<(DatabaseProvider, string, Action?)>(TestDatabases.Sqlite());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresPublishedStateTests(PostgresServer server) : PublishedStateTests
{
    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync() =>
        TestDatabases.PostgresAsync(server, nameof(PostgresPublishedStateTests));
}
