using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ContentStudio.Core.Campaigns;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Data;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Publishing;
using ContentStudio.Core.Publishing.Delivery;
using ContentStudio.Core.Review;
using Microsoft.Playwright;
using ContentStudio.E2E.Tests.Infrastructure;
using ContentStudio.Core.Kernel;

namespace ContentStudio.E2E.Tests;

/// <summary>Publishing end to end: an admin configures a file-export target, a brand manager publishes an approved
/// variant, the app's own dispatcher exports it, and the open outbox page shows it as Sent without a reload.</summary>
[Collection(StudioAppCollection.Name)]
public class PublishingFlowTests(StudioAppFixture app)
{
    [Fact]
    public async Task ApprovedVariantPublishedNowIsExportedAndShowsAsSentInTheOpenOutbox()
    {
        // The admin tries a webhook aimed at the cloud metadata address: refused, with the guard's reason.
        var admin = await app.OpenAsAsync(TestUsers.Admin, "/publishing/targets");
        await admin.FillAsync("#t-name", "metadata-hook");
        await admin.SelectOptionAsync("#t-kind", "Webhook");
        await admin.FillAsync("#t-url", "http://169.254.169.254/latest/meta-data");
        await admin.ClickAsync("#t-add");
        await Assertions.Expect(admin.Locator("#targets-error")).ToContainTextAsync("webhooks may only reach public addresses");
        await Assertions.Expect(admin.Locator("[data-target='metadata-hook']")).ToHaveCountAsync(0);

        // A folder outside the export root is refused too; one inside it is added.
        await admin.FillAsync("#t-name", "site-files");
        await admin.SelectOptionAsync("#t-kind", "FileExport");
        await admin.FillAsync("#t-folder", "../outside");
        await admin.ClickAsync("#t-add");
        await Assertions.Expect(admin.Locator("#targets-error")).ToContainTextAsync("outside Publishing:ExportRoot");
        await admin.FillAsync("#t-folder", "site");
        await admin.ClickAsync("#t-add");
        await Assertions.Expect(admin.Locator("#targets-notice")).ToContainTextAsync("Added FileExport target 'site-files'");
        await Assertions.Expect(admin.Locator("[data-target='site-files']")).ToHaveAttributeAsync("data-enabled", "true");
        await admin.ScreenshotAsync(new() { Path = StudioAppFixture.ScreenshotPath("publishing-targets"), FullPage = true });

        // Maria generates and submits; the brand manager (who neither wrote nor edited it) approves it on the page.
        var variantId = await SubmittedVariantAsync("Publishing check");
        var manager = await app.OpenAsAsync(TestUsers.BrandManager, $"/review/{variantId}");
        await Assertions.Expect(manager.Locator("#publish")).ToHaveCountAsync(0); // nothing to publish before approval
        await manager.ClickAsync("#approve");
        await Assertions.Expect(manager.Locator("#review-state")).ToHaveTextAsync("Approved");

        // The outbox is already open in another tab before anything is published.
        var outbox = await app.OpenAsync("/publishing/outbox", manager.Context);
        await outbox.ClickAsync("[data-tab=Sent]");
        await Assertions.Expect(outbox.Locator($"tr[data-variant='{variantId}']")).ToHaveCountAsync(0);

        await manager.SelectOptionAsync("#publish-target", new SelectOptionValue { Label = "site-files (file export)" });
        await manager.ClickAsync("#publish-now");
        await Assertions.Expect(manager.Locator("#publish-notice")).ToContainTextAsync("Queued for site-files now");

        // The dispatcher in the web process sends it; the open outbox picks that up on its own refresh.
        var sent = outbox.Locator($"#outbox-table tr[data-variant='{variantId}']");
        await Assertions.Expect(sent).ToHaveAttributeAsync("data-status", "Sent", new() { Timeout = StudioAppFixture.SlowWaitMs });
        (await sent.InnerTextAsync()).ShouldContain("site-files");
        (await sent.Locator("[data-sent]").InnerTextAsync()).ShouldNotBeNullOrWhiteSpace();
        await Assertions.Expect(outbox.Locator("[data-count=Sent]")).Not.ToHaveTextAsync("0");
        await outbox.ScreenshotAsync(new() { Path = StudioAppFixture.ScreenshotPath("publishing-outbox-sent"), FullPage = true });

        // The export folder holds the variant as Markdown and sanitised HTML, and the manifest names it.
        var folder = Path.Combine(app.ExportRoot, "site");
        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories);
        files.ShouldContain(f => f.EndsWith(".md", StringComparison.Ordinal));
        files.ShouldContain(f => f.EndsWith(".html", StringComparison.Ordinal));
        var manifest = files.Single(f => Path.GetFileName(f) == FileExporter.ManifestName);
        (await File.ReadAllTextAsync(manifest)).ShouldContain(variantId);

        // Publishing the same content to the same target again queues nothing new.
        await manager.ClickAsync("#publish-now");
        await Assertions.Expect(manager.Locator("#publish-notice")).ToContainTextAsync("Already queued");
    }

    [Fact]
    public async Task ScheduledPublicationCanBeCancelledFromTheOutboxAndARefusalListsItsReasons()
    {
        await app.Services.GetRequiredService<PublishTargets>().AddFileExportAsync("later-files", "later",
            new StudioUser(TestUsers.Admin.UserName, TestUsers.Admin.DisplayName, TestUsers.Admin.Role));
        var variantId = await SubmittedVariantAsync("Scheduling check");

        // A marketer is not offered the outbox.
        var marketer = await app.OpenAsAsync(TestUsers.Marketer, $"/review/{variantId}");
        await Assertions.Expect(marketer.Locator("nav a[href='publishing/outbox']")).ToHaveCountAsync(0);

        var manager = await app.OpenAsAsync(TestUsers.BrandManager, $"/review/{variantId}");
        await Assertions.Expect(manager.Locator("nav a[href='publishing/outbox']")).ToHaveCountAsync(1);
        await manager.ClickAsync("#approve");
        await Assertions.Expect(manager.Locator("#review-state")).ToHaveTextAsync("Approved");
        await Assertions.Expect(marketer.Locator("#publish")).ToHaveCountAsync(0); // approved, but publishing is not the marketer's call

        // Scheduled for tomorrow: the variant becomes Scheduled and the delivery waits in Pending.
        var tomorrow = DateTime.UtcNow.AddDays(1);
        await manager.SelectOptionAsync("#publish-target", new SelectOptionValue { Label = "later-files (file export)" });
        await manager.FillAsync("#publish-at", tomorrow.ToString("yyyy-MM-ddTHH:mm"));
        await manager.ClickAsync("#publish-schedule");
        await Assertions.Expect(manager.Locator("#publish-notice")).ToContainTextAsync($"Scheduled for later-files at {tomorrow:yyyy-MM-dd HH:mm} UTC");
        await Assertions.Expect(manager.Locator("#review-state")).ToHaveTextAsync("Scheduled");

        var outbox = await app.OpenAsync("/publishing/outbox", manager.Context);
        var pending = outbox.Locator($"#outbox-table tr[data-variant='{variantId}']");
        await Assertions.Expect(pending).ToHaveAttributeAsync("data-status", "Pending");
        (await pending.InnerTextAsync()).ShouldContain(tomorrow.ToString("yyyy-MM-dd HH:mm"));
        await pending.Locator("[data-action=cancel]").ClickAsync();
        await Assertions.Expect(outbox.Locator("#outbox-notice")).ToContainTextAsync("cancelled");
        await Assertions.Expect(pending).ToHaveCountAsync(0);
        await outbox.ClickAsync("[data-tab=Cancelled]");
        var cancelled = outbox.Locator($"#outbox-table tr[data-variant='{variantId}']");
        await Assertions.Expect(cancelled.Locator("[data-last-error]")).ToHaveTextAsync($"cancelled by {TestUsers.BrandManager.UserName}");
        await outbox.ScreenshotAsync(new() { Path = StudioAppFixture.ScreenshotPath("publishing-outbox-cancelled"), FullPage = true });
        Directory.Exists(Path.Combine(app.ExportRoot, "later")).ShouldBeFalse(); // nothing was exported

        // Someone rejects the variant behind the open page's back: publishing now is refused, with the reason.
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync())
            await db.Variants.Where(v => v.Id == Guid.Parse(variantId)).ExecuteUpdateAsync(s => s.SetProperty(v => v.ReviewState, ReviewState.Rejected));
        await manager.ClickAsync("#publish-now");
        await Assertions.Expect(manager.Locator("#publish-error")).ToContainTextAsync("Nothing was published");
        await Assertions.Expect(manager.Locator("#publish-error [data-refusal]")).ToContainTextAsync("is Rejected, not approved");
        await manager.ScreenshotAsync(new() { Path = StudioAppFixture.ScreenshotPath("publishing-refused"), FullPage = true });
    }

    /// <summary>A one-variant email campaign generated by the app's worker as Maria, then submitted by her.</summary>
    private async Task<string> SubmittedVariantAsync(string name)
    {
        var id = await ReviewFlowTests.GenerateVariantAsync(app, name);
        await app.Services.GetRequiredService<ReviewService>().SubmitAsync(Guid.Parse(id),
            new StudioUser(TestUsers.Marketer.UserName, TestUsers.Marketer.DisplayName, StudioRoles.Marketer));
        return id;
    }
}
