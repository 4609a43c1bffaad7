using ContentStudio.Core.Audit;
using ContentStudio.Testing;
using System.Text.Json;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Publishing;
using ContentStudio.Core.Publishing.Delivery;
using ContentStudio.Core.Review;
using ContentStudio.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Integration.Tests.Publishing;

/// <summary>Queueing rules, targets and the file export, on a real database.</summary>
public abstract class PublishingServiceTests : PublishingTests
{
    private PublishingService Service => Studio.Get<PublishingService>();

    private Task<PublishTarget> FolderAsync() => Studio.Get<PublishTargets>().AddFileExportAsync("archive", "partner/feed", PublishingStudio.Admin);

    [Fact]
    public async Task RefusesUnapprovedAndChangedVariantsAndQueuesNothing()
    {
        var target = await FolderAsync();
        var (_, good) = await Studio.SeedAsync(1);
        var (_, draft) = await Studio.SeedAsync(1, approve: false, state: ReviewState.Generated);
        var (_, approvedWithoutEvidence) = await Studio.SeedAsync(1, approve: false);
        var (_, edited) = await Studio.SeedAsync(1);
        await Studio.EditAsync(edited[0].Id, "changed after approval");
        var missing = Guid.NewGuid();

        var e = await Should.ThrowAsync<PublishRefusedException>(() => Service.PublishAsync(
            [good[0].Id, draft[0].Id, approvedWithoutEvidence[0].Id, edited[0].Id, missing], target.Id, PublishingStudio.Manager));

        e.Reasons.Count.ShouldBe(4);
        e.Message.ShouldContain($"variant {draft[0].Id} is Generated, not approved");
        e.Message.ShouldContain($"variant {approvedWithoutEvidence[0].Id} has no approval on record");
        e.Message.ShouldContain($"variant {edited[0].Id} changed after approval");
        e.Message.ShouldContain($"variant {missing} does not exist");
        (await Studio.OutboxAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task PublishingTheSameApprovalTwiceQueuesItOnce()
    {
        var target = await FolderAsync();
        var (_, variants) = await Studio.SeedAsync(3);
        var ids = variants.Select(v => v.Id).ToList();

        var first = await Service.PublishAsync(ids, target.Id, PublishingStudio.Manager);
        var second = await Service.PublishAsync(ids, target.Id, PublishingStudio.Manager);

        first.Queued.Count.ShouldBe(3);
        second.Queued.ShouldBeEmpty();
        second.AlreadyQueued.ShouldBe(3);
        (await Studio.OutboxAsync()).Count.ShouldBe(3);
    }

    [Fact]
    public async Task ASchedulePutsTheVariantInScheduledAndHoldsTheDeliveryUntilItsTime()
    {
        var target = await FolderAsync();
        var (_, variants) = await Studio.SeedAsync(1);
        var at = DateTime.UtcNow.AddHours(2);

        var result = await Service.PublishAsync([variants[0].Id], target.Id, PublishingStudio.Manager, at);

        result.DueUtc.ShouldBe(at, TimeSpan.FromMilliseconds(1));
        await using (var db = Studio.Db())
        {
            var v = await db.Variants.AsNoTracking().SingleAsync(x => x.Id == variants[0].Id);
            v.ReviewState.ShouldBe(ReviewState.Scheduled);
            v.ConcurrencyToken.ShouldNotBe(variants[0].ConcurrencyToken);
            var scheduled = await db.AuditEvents.AsNoTracking().SingleAsync(e => e.EntityType == "Variant"); // the move is audited with the outbox row
            (scheduled.Action, scheduled.Actor, scheduled.EntityId).ShouldBe((Core.Audit.AuditActions.ReviewScheduled, PublishingStudio.Manager.Id, variants[0].Id.ToString()));
            scheduled.DataJson.ShouldContain($"\"deliveryId\":\"{result.Queued.Single()}\"");
            scheduled.DataJson.ShouldContain("\"from\":\"Approved\",\"to\":\"Scheduled\"");
        }
        (await Studio.NewDispatcher().RunUntilIdleAsync()).Claimed.ShouldBe(0);
        (await Studio.OutboxAsync()).Single().Status.ShouldBe(OutboxStatus.Pending);
    }

    [Fact]
    public async Task FileExportWritesMarkdownSanitisedHtmlAndAManifestWithApprovalEvidence()
    {
        var target = await FolderAsync();
        var (campaignId, variants) = await Studio.SeedAsync(3);
        await Studio.EditAsync(variants[0].Id, "Hi <script>alert(1)</script> [x](javascript:alert(1)) ![pixel](https://t.example/p.gif)");
        var hash = (await Studio.Db().Variants.AsNoTracking().SingleAsync(v => v.Id == variants[0].Id)).ContentHash;
        Studio.Approvals.Evidence[variants[0].Id] = new ApprovalEvidence("brand.manager@example.com", new DateTime(2026, 11, 29, 9, 30, 0, DateTimeKind.Utc), hash);
        await Service.PublishAsync(variants.Select(v => v.Id).ToList(), target.Id, PublishingStudio.Manager);

        (await Studio.NewDispatcher().DrainAsync()).Sent.ShouldBe(3);

        var folder = Path.Combine(Studio.ExportRoot, "partner", "feed", campaignId.ToString("N"));
        Directory.GetFiles(folder, "*.md").Length.ShouldBe(3);
        Directory.GetFiles(folder, "*.html").Length.ShouldBe(3);
        Directory.GetFiles(folder, "*.tmp", SearchOption.AllDirectories).ShouldBeEmpty();
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, FileExporter.ManifestName)));
        manifest.RootElement.GetProperty("campaignId").GetString().ShouldBe(campaignId.ToString());
        var entries = manifest.RootElement.GetProperty("variants").EnumerateArray().ToList();
        entries.Count.ShouldBe(3);
        var first = entries.Single(e => e.GetProperty("variantId").GetString() == variants[0].Id.ToString());
        first.GetProperty("contentHash").GetString().ShouldBe(hash);
        first.GetProperty("approval").GetProperty("approvedBy").GetString().ShouldBe("brand.manager@example.com");
        first.GetProperty("approval").GetProperty("approvedUtc").GetString().ShouldBe("2026-11-29T09:30:00.0000000Z");
        first.GetProperty("provenance").GetProperty("model").GetString().ShouldBe("offline-composer");
        first.GetProperty("checks").GetProperty("gate").GetString().ShouldBe("Clean");
        first.GetProperty("checks").GetProperty("score").GetInt32().ShouldBe(97);

        var markdown = await File.ReadAllTextAsync(Path.Combine(folder, first.GetProperty("markdownFile").GetString()!));
        markdown.ShouldContain("## body\n\nHi <script>"); // the Markdown file is the approved text, verbatim
        var html = await File.ReadAllTextAsync(Path.Combine(folder, first.GetProperty("htmlFile").GetString()!));
        html.ShouldContain("Hi &lt;script&gt;alert(1)&lt;/script&gt; x pixel");
        html.ShouldNotContain("<script");
        html.ShouldNotContain("href=\"javascript");
    }

    [Fact]
    public async Task CampaignExportWritesOnlyApprovedUnchangedVariantsAndNamesTheRest()
    {
        var (campaignId, variants) = await Studio.SeedAsync(4);
        await Studio.EditAsync(variants[1].Id, "edited after approval");
        Studio.Approvals.Evidence.TryRemove(variants[2].Id, out _);
        await using (var db = Studio.Db())
        {
            await db.Variants.Where(v => v.Id == variants[3].Id).ExecuteUpdateAsync(s => s.SetProperty(v => v.ReviewState, ReviewState.Rejected));
        }
        var output = Path.Combine(Studio.ExportRoot, "cli");

        var report = await Studio.Get<CampaignExporter>().ExportAsync(campaignId, output);
        var again = await Studio.Get<CampaignExporter>().ExportAsync(campaignId, output);

        report.Written.ShouldBe(1);
        report.Skipped.Count.ShouldBe(2); // the rejected one is not a candidate at all
        report.Skipped.ShouldContain(r => r.Contains(variants[1].Id.ToString()) && r.Contains("changed after approval"));
        report.Skipped.ShouldContain(r => r.Contains(variants[2].Id.ToString()) && r.Contains("no approval on record"));
        Directory.GetFiles(report.Folder, "*.html").Length.ShouldBe(1);
        var manifest = await File.ReadAllTextAsync(Path.Combine(report.Folder, FileExporter.ManifestName));
        manifest.ShouldContain(variants[0].Id.ToString());
        again.Written.ShouldBe(1);
        (await File.ReadAllTextAsync(Path.Combine(report.Folder, FileExporter.ManifestName))).ShouldBe(manifest); // same id, same content
        await Should.ThrowAsync<PublishingException>(() => Studio.Get<CampaignExporter>().ExportAsync(Guid.NewGuid(), output));
    }

    [Fact]
    public async Task AddingEnablingAndDisablingATargetIsAuditedWithTheAdmin()
    {
        var targets = Studio.Get<PublishTargets>();
        var hook = await targets.AddWebhookAsync("partner", "http://127.0.0.1:9/in", PublishingStudio.Admin); // loopback is allowed in tests
        await targets.SetEnabledAsync(hook.Id, false, PublishingStudio.Admin);
        await targets.SetEnabledAsync(hook.Id, true, PublishingStudio.Admin);

        await using var db = Studio.Db();
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.EntityId == hook.Id.ToString()).OrderBy(e => e.Sequence).ToListAsync();
        events.Select(e => e.Action).ShouldBe([AuditActions.PublishTargetAdded, AuditActions.PublishTargetDisabled, AuditActions.PublishTargetEnabled]);
        events.ShouldAllBe(e => e.Actor == PublishingStudio.Admin.Id);
        events[0].DataJson.ShouldContain("127.0.0.1:9/in");
        events[0].DataJson.ShouldContain("partner");
    }

    [Fact]
    public async Task TargetsAreCheckedWhenConfigured()
    {
        var targets = Studio.Get<PublishTargets>();
        (await Should.ThrowAsync<PublishingException>(() => targets.AddWebhookAsync("internal", "http://10.0.0.7/hook", PublishingStudio.Admin)))
            .Message.ShouldContain("private address");
        (await Should.ThrowAsync<PublishingException>(() => targets.AddWebhookAsync("creds", "https://u:hunter2@hooks.example/x", PublishingStudio.Admin)))
            .Message.ShouldSatisfyAllConditions(m => m.ShouldContain("credentials"), m => m.ShouldNotContain("hunter2"));
        (await Should.ThrowAsync<PublishingException>(() => targets.AddFileExportAsync("escape", "../../etc", PublishingStudio.Admin)))
            .Message.ShouldContain("outside Publishing:ExportRoot");
        (await Should.ThrowAsync<PublishingException>(() => targets.AddFileExportAsync("bad name!", "x", PublishingStudio.Admin)))
            .Message.ShouldContain("not valid");
        (await targets.ListAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task OnlyAnAdminChangesTargetsAndOnlyABrandManagerOrAdminQueuesAndDenialsChangeNothing()
    {
        var marketer = People.Maria;
        var targets = Studio.Get<PublishTargets>();
        await Should.ThrowAsync<AccessDeniedException>(() => targets.AddFileExportAsync("archive", "partner/feed", PublishingStudio.Manager));
        await Should.ThrowAsync<AccessDeniedException>(() => targets.AddWebhookAsync("hook", "https://hooks.example/in", StudioUser.Anonymous));
        (await targets.ListAsync()).ShouldBeEmpty();
        var target = await FolderAsync();
        var denied = await Should.ThrowAsync<AccessDeniedException>(() => targets.SetEnabledAsync(target.Id, false, marketer));
        denied.Message.ShouldBe($"maria@example.com may not disable publish target {target.Id}: that needs the role Admin (has Marketer).");
        (await targets.FindAsync("archive"))!.Enabled.ShouldBeTrue();
        (await targets.FindAsync("archive"))!.CreatedBy.ShouldBe(PublishingStudio.Admin.Id);

        var (_, variants) = await Studio.SeedAsync(1);
        await Should.ThrowAsync<AccessDeniedException>(() => Service.PublishAsync([variants[0].Id], target.Id, marketer));
        (await Studio.OutboxAsync()).ShouldBeEmpty();
        await targets.SetEnabledAsync(target.Id, false, PublishingStudio.Admin);
        (await targets.FindAsync("archive"))!.Enabled.ShouldBeFalse();
        await targets.SetEnabledAsync(target.Id, true, PublishingStudio.Admin);
        (await Service.PublishAsync([variants[0].Id], target.Id, PublishingStudio.Admin)).Queued.Count.ShouldBe(1);
        (await Studio.OutboxAsync()).Single().CreatedBy.ShouldBe(PublishingStudio.Admin.Id);
    }

    [Fact]
    public async Task AWebhookOnAForbiddenAddressIsRefusedAgainAtSendTimeWithoutConnecting()
    {
        var target = await Studio.WebhookAsync(new Uri("http://127.0.0.1:9/hook"));
        var (_, variants) = await Studio.SeedAsync(1);
        await Service.PublishAsync([variants[0].Id], target.Id, PublishingStudio.Manager);
        // Then the target is changed behind the configuration check's back (a hand edit, an old row):
        // the send-time check still holds.
        await using (var db = Studio.Db())
        {
            var row = await db.PublishTargets.SingleAsync();
            row.Url = "http://169.254.169.254/latest/meta-data";
            await db.SaveChangesAsync();
        }

        var summary = await Studio.NewDispatcher().DrainAsync();

        summary.Dead.ShouldBe(1);
        var message = (await Studio.OutboxAsync()).Single();
        message.Attempts.ShouldBe(1); // permanent: not retried
        message.LastError!.ShouldContain("link-local");
    }

    [Fact]
    public async Task AWebhookWithoutASecretIsDeadWithTheKeyToSetAndTheSecretIsNeverStored()
    {
        await using var receiver = await WebhookReceiver.StartAsync(PublishingStudio.Secret);
        var target = await Studio.Get<PublishTargets>().AddWebhookAsync("unsigned", receiver.Url.ToString(), PublishingStudio.Admin);
        var (_, variants) = await Studio.SeedAsync(1);
        await Service.PublishAsync([variants[0].Id], target.Id, PublishingStudio.Manager);

        await Studio.NewDispatcher().DrainAsync();

        receiver.Requests.ShouldBeEmpty();
        (await Studio.OutboxAsync()).Single().LastError!.ShouldContain("Publishing__Secrets__unsigned");
        var signed = await Studio.WebhookAsync(receiver.Url);
        await using var db = Studio.Db();
        var everything = JsonSerializer.Serialize(await db.PublishTargets.AsNoTracking().ToListAsync()) +
                         JsonSerializer.Serialize(await db.OutboxMessages.AsNoTracking().ToListAsync());
        everything.ShouldNotContain(PublishingStudio.Secret);
        signed.SecretKey.ShouldBe("Publishing:Secrets:partner-hook");
    }
}

public sealed class SqlitePublishingServiceTests : PublishingServiceTests
{
    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync() =>
        Task.FromResult<(DatabaseProvider, string, Action?)>(TestDatabases.Sqlite());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresPublishingServiceTests(PostgresServer server) : PublishingServiceTests
{
    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync() =>
        TestDatabases.PostgresAsync(server, nameof(PostgresPublishingServiceTests));
}
