using ContentStudio.E2E.Tests.Infrastructure.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ContentStudio.Core.Campaigns;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Data;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Review;
using Microsoft.Playwright;
using ContentStudio.Core.Identity;
using ContentStudio.E2E.Tests.Infrastructure;
using ContentStudio.Core.Kernel;

namespace ContentStudio.E2E.Tests;

/// <summary>The curation flow across browsers: a marketer generates and submits, a brand manager's open queue shows
/// the item arrive without a reload, the rules the service enforces show up on the page.</summary>
[Collection(StudioAppCollection.Name)]
public class ReviewFlowTests(StudioAppFixture app)
{
    private static readonly TestUser SecondManager = new("beth", "Beth Brand", "Beth-e2e-Pass-1", StudioRoles.BrandManager);

    [Fact]
    public async Task SubmittedVariantArrivesLiveInTheManagersQueueAndOnlySomeoneElseMayApprove()
    {
        // The brand manager watches the queue of items waiting for a decision.
        var manager = await app.OpenAsAsync(TestUsers.BrandManager, "/queue");
        await manager.SelectOptionAsync("#f-state", "InReview");
        await manager.Locator("#queue-updated").WaitForAsync();

        // Meanwhile the marketer generates a small campaign and submits one variant.
        var marketer = await app.OpenAsAsync(TestUsers.Marketer, NewCampaignPage.Path);
        var form = new NewCampaignPage(marketer);
        await form.FillAsync(new BriefInput("Queue live check") { Offer = "First bag half price" }); // the manager's edit below restates it
        await form.GenerateAndOpenCampaignAsync();
        await marketer.WaitForSelectorAsync("[data-run-status=Completed]", new() { Timeout = StudioAppFixture.SlowWaitMs });
        await marketer.ClickAsync("[data-cell='students/Email'] [data-review-link]");
        await marketer.WaitForURLAsync("**/review/*");
        var variantId = marketer.Url[(marketer.Url.LastIndexOf('/') + 1)..];
        var review = new ReviewScreen(marketer);
        await review.SubmitAsync();
        await review.ExpectStateAsync("InReview");

        // The marketer may not approve (not their role, and their own item): the page offers no working Approve, and
        // says why with the reason Core gives.
        await review.ExpectUnavailableAsync("approve", "may not approve");
        await marketer.ClickAsync("#approve", new() { Force = true }); // clicked anyway: nothing happens
        await review.ExpectStateAsync("InReview");
        await Assertions.Expect(review.Error).ToHaveCountAsync(0);
        await marketer.ScreenshotAsync(new() { Path = StudioAppFixture.ScreenshotPath("review-marketer-refused"), FullPage = true });

        // The item appears in the manager's open queue without a reload.
        var row = manager.Locator($"#queue-table tr[data-variant='{variantId}']");
        await row.WaitForAsync(new() { Timeout = 30000 });
        (await row.InnerTextAsync()).ShouldContain("Queue live check");
        await manager.ScreenshotAsync(new() { Path = StudioAppFixture.ScreenshotPath("review-queue-live"), FullPage = true });

        // The manager claims it, opens it and edits the subject.
        await row.Locator("[data-action=claim]").ClickAsync();
        await Assertions.Expect(row.Locator("[data-assignee]")).ToHaveTextAsync(TestUsers.BrandManager.UserName);
        await row.Locator("a").First.ClickAsync();
        await manager.WaitForURLAsync($"**/review/{variantId}");
        // Before editing, the page says what editing costs (separation of duties), and shows how the copy was written.
        await Assertions.Expect(manager.Locator("#edit-consequence")).ToContainTextAsync("someone else will have to approve it");
        await Assertions.Expect(manager.Locator("[data-provenance=provider]")).ToContainTextAsync("Offline");
        await Assertions.Expect(manager.Locator("#approve")).ToHaveAttributeAsync("accesskey", "a");
        await manager.ClickAsync("#edit");
        await manager.FillAsync("[data-edit=subject]", "Half price on your first bag of Roast Club");
        await manager.ClickAsync("#save-edit");
        await Assertions.Expect(manager.Locator("#review-notice")).ToContainTextAsync("Saved");
        await Assertions.Expect(manager.Locator("[data-field=subject]")).ToContainTextAsync("Half price on your first bag");
        (await manager.Locator("[data-diff=subject]").InnerTextAsync()).ShouldContain("+ Half price on your first bag of Roast Club");
        // Separation of duties: having edited it, they may not approve it themselves, and the page says so before a click.
        await new ReviewScreen(manager).ExpectUnavailableAsync("approve", "edited");
        await manager.ScreenshotAsync(new() { Path = StudioAppFixture.ScreenshotPath("review-edited"), FullPage = true });

        // A second brand manager, who neither wrote nor edited it, approves the edited version.
        await using (var scope = app.Services.CreateAsyncScope())
            (await scope.ServiceProvider.GetRequiredService<UserAdmin>().CreateUserAsync(StudioUser.System, SecondManager.UserName,
                SecondManager.DisplayName, SecondManager.Password, [SecondManager.Role])).Succeeded.ShouldBeTrue();
        var second = await app.OpenAsAsync(SecondManager, $"/review/{variantId}");
        await second.ClickAsync("#approve");
        await Assertions.Expect(second.Locator("#review-state")).ToHaveTextAsync("Approved");
        await Assertions.Expect(manager.Locator("#review-state")).ToHaveTextAsync("Approved"); // live on the first manager's page too
        await second.ScreenshotAsync(new() { Path = StudioAppFixture.ScreenshotPath("review-approved"), FullPage = true });

        // The audit page lists every step and says the chain is intact.
        var audit = await app.OpenAsync("/audit", second.Context);
        await Assertions.Expect(audit.Locator("#chain-status")).ToContainTextAsync("Chain OK");
        await audit.FillAsync("#a-entity", variantId);
        await audit.ClickAsync("#a-apply");
        await Assertions.Expect(audit.Locator("#audit-table tbody tr")).ToHaveCountAsync(4); // submitted, claimed, edited, approved
        // In words, not codes and JSON: the action reads as a phrase, the details as labelled fields.
        await Assertions.Expect(audit.Locator("#audit-table [data-action='review.approved']")).ToHaveTextAsync("Review approved");
        await Assertions.Expect(audit.Locator("#audit-table [data-action='variant.edited'] + td + td [data-details], #audit-table tr:has([data-action='variant.edited']) [data-details]").First).ToContainTextAsync("approval voided");
        (await audit.Locator("#audit-table [data-details]").AllInnerTextsAsync()).ShouldAllBe(t => !t.Contains('{') && !t.Contains("\\u0022"));
        await audit.ScreenshotAsync(new() { Path = StudioAppFixture.ScreenshotPath("audit"), FullPage = true });
    }

    [Fact]
    public async Task BulkApprovalOfFreshCleanCopyAsksWithTheCountAndReportsWhatWasApproved()
    {
        // A marketer generates a few variants; the checks call them clean (set here so the test does not depend on the
        // composer's wording). Nobody submits them: fresh copy is in review already.
        var marketer = await app.OpenAsAsync(TestUsers.Marketer, NewCampaignPage.Path);
        var form = new NewCampaignPage(marketer);
        await form.FillAsync(new BriefInput("Bulk approval check") { Variants = 3 });
        await form.GenerateAndOpenCampaignAsync();
        await marketer.WaitForSelectorAsync("[data-run-status=Completed]", new() { Timeout = StudioAppFixture.SlowWaitMs });
        var campaignId = Guid.Parse(marketer.Url[(marketer.Url.LastIndexOf('/') + 1)..]);
        int n;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync())
            n = await db.Variants.Where(v => v.CampaignId == campaignId)
                .ExecuteUpdateAsync(u => u.SetProperty(v => v.CheckGate, Core.Checks.Gate.Clean).SetProperty(v => v.Outcome, VariantOutcome.Ok));
        n.ShouldBeGreaterThan(1);

        // The marketer may not approve: no bulk button for them at all.
        await marketer.GotoAsync($"{app.BaseUrl}/queue");
        await marketer.SelectOptionAsync("#f-campaign", campaignId.ToString());
        await marketer.Locator("#queue-table").WaitForAsync();
        await Assertions.Expect(marketer.Locator("#bulk-approve")).ToHaveCountAsync(0);

        // The brand manager sees the count of what can succeed, is asked with that count, and Cancel changes nothing.
        var manager = await app.OpenAsAsync(TestUsers.BrandManager, "/queue");
        await manager.SelectOptionAsync("#f-campaign", campaignId.ToString());
        await manager.ClickAsync("[data-lane-tab=Clean]");
        await Assertions.Expect(manager.Locator("#bulk-approve")).ToHaveTextAsync($"Approve clean on this page ({n})");
        await Assertions.Expect(manager.Locator("#queue-table tbody tr").First.Locator("[data-state]")).ToHaveTextAsync("New");
        await manager.ClickAsync("#bulk-approve");
        await Assertions.Expect(manager.Locator("#bulk-confirm")).ToContainTextAsync($"Approve {n} variants as shown?");
        await Assertions.Expect(manager.Locator("#bulk-confirm-cancel")).ToBeFocusedAsync();
        await manager.ScreenshotAsync(new() { Path = StudioAppFixture.ScreenshotPath("queue-bulk-confirm"), FullPage = true });
        await manager.Keyboard.PressAsync("Escape");
        await Assertions.Expect(manager.Locator("#bulk-confirm")).ToHaveCountAsync(0);
        await Assertions.Expect(manager.Locator("#queue-table tbody tr")).ToHaveCountAsync(n);

        await manager.ClickAsync("#bulk-approve");
        await manager.ClickAsync("#bulk-confirm-confirm");
        await Assertions.Expect(manager.Locator("#queue-notice")).ToHaveTextAsync($"Approved {n} variants.");
        await Assertions.Expect(manager.Locator("#queue-refused")).ToHaveCountAsync(0);
        await Assertions.Expect(manager.Locator("#queue-table")).ToHaveCountAsync(0); // nothing left open in this campaign
        await manager.ScreenshotAsync(new() { Path = StudioAppFixture.ScreenshotPath("queue-bulk-approved"), FullPage = true });
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync())
            (await db.Variants.Where(v => v.CampaignId == campaignId).Select(v => v.ReviewState).ToListAsync()).ShouldAllBe(s => s == ReviewState.Approved);
    }

    [Fact]
    public async Task AnEditSavedBySomeoneElseFirstShowsBothVersionsAndTakeMineSavesOnTop()
    {
        var variantId = await GeneratedVariantAsync("Conflict check");
        var manager = await app.OpenAsAsync(TestUsers.BrandManager, $"/review/{variantId}");
        await manager.ClickAsync("#edit");
        await manager.FillAsync("[data-edit=subject]", "Bruno's sharper subject line");

        // Maria saves her own edit first, through the same service the page uses.
        var reviews = app.Services.GetRequiredService<ReviewService>();
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync())
        {
            var v = await db.Variants.AsNoTracking().SingleAsync(x => x.Id == Guid.Parse(variantId));
            await reviews.EditAsync(Guid.Parse(variantId), new Dictionary<string, string>(v.Fields) { ["subject"] = "Maria's subject line" }, v.ConcurrencyToken,
                new StudioUser(TestUsers.Marketer.UserName, TestUsers.Marketer.DisplayName, StudioRoles.Marketer));
        }

        await manager.ClickAsync("#save-edit");
        var conflict = manager.Locator("#conflict");
        await conflict.WaitForAsync();
        (await manager.Locator("#conflict-theirs [data-field=subject]").InnerTextAsync()).ShouldBe("Maria's subject line");
        (await manager.Locator("#conflict-mine [data-field=subject]").InnerTextAsync()).ShouldBe("Bruno's sharper subject line");
        (await conflict.InnerTextAsync()).ShouldContain(TestUsers.Marketer.UserName);
        await manager.ScreenshotAsync(new() { Path = StudioAppFixture.ScreenshotPath("review-conflict"), FullPage = true });

        await manager.ClickAsync("#take-mine");
        await Assertions.Expect(manager.Locator("#review-notice")).ToContainTextAsync("Saved");
        await Assertions.Expect(manager.Locator("[data-field=subject]")).ToHaveTextAsync("Bruno's sharper subject line");
        (await reviews.GetEditsAsync(Guid.Parse(variantId))).Select(e => e.EditedBy).ShouldBe([TestUsers.Marketer.UserName, TestUsers.BrandManager.UserName]);
    }

    /// <summary>A one-variant email campaign generated by the app's own worker, started as the marketer.</summary>
    private Task<string> GeneratedVariantAsync(string name) => GenerateVariantAsync(app, name);

    /// <summary>One email variant for the students segment, generated by the web app's worker for the marketer.</summary>
    internal static async Task<string> GenerateVariantAsync(StudioAppFixture app, string name)
    {
        var campaign = await app.Services.GetRequiredService<CampaignService>().CreateAsync(new CampaignBrief
        {
            Name = name, BrandSlug = "lumen-coffee", Product = "Lumen Roast Club", Objective = "Win new Roast Club subscribers",
            KeyMessages = ["Freshly roasted coffee delivered on your schedule"], CallToAction = "Start your subscription",
            Channels = [ChannelKind.Email], SegmentKeys = ["students"], VariantsPerSegment = 1,
        }, TestUsers.Marketer.UserName);
        var run = await app.Services.GetRequiredService<GenerationService>().StartRunAsync(campaign.Id, TestUsers.Marketer.UserName);
        var factory = app.Services.GetRequiredService<IDbContextFactory<StudioDbContext>>();
        var deadline = DateTime.UtcNow.AddMilliseconds(StudioAppFixture.SlowWaitMs); // the app's one worker serves every test's runs
        while (DateTime.UtcNow < deadline)
        {
            await using var db = await factory.CreateDbContextAsync();
            var id = await db.Variants.Where(v => v.RunId == run.Id).Select(v => (Guid?)v.Id).FirstOrDefaultAsync();
            if (id is { } found) return found.ToString();
            await Task.Delay(200);
        }
        throw new TimeoutException($"The worker wrote no variant for run {run.Id} within {StudioAppFixture.SlowWaitMs / 1000} seconds.");
    }
}
