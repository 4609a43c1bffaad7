using ContentStudio.E2E.Tests.Infrastructure.Pages;
using ContentStudio.E2E.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ContentStudio.Core.Data;

namespace ContentStudio.E2E.Tests;

[Collection(StudioAppCollection.Name)]
public class CampaignFlowTests(StudioAppFixture app)
{
    [Fact]
    public async Task MarketerWritesBriefGeneratesAndSeesEveryVariantInTheGrid()
    {
        var page = await app.OpenAsAsync(TestUsers.Marketer, NewCampaignPage.Path);
        var form = new NewCampaignPage(page);
        await form.FillAsync(new BriefInput("Roast Club spring push")
        {
            Messages = ["Freshly roasted coffee delivered on your schedule", "Pause or skip a delivery any time"],
            Offer = "First bag half price", ExtraChannels = ["push"], Segments = ["students", "retirees"], Variants = 2,
        });
        await page.ScreenshotAsync(new() { Path = StudioAppFixture.ScreenshotPath("new-campaign"), FullPage = true });
        await form.GenerateAndOpenCampaignAsync();

        var bar = page.Locator("[role=progressbar]");
        await bar.WaitForAsync();
        (await bar.GetAttributeAsync("aria-valuemax")).ShouldBe("12"); // 2 segments × 3 channels × 2 variants
        await page.WaitForSelectorAsync("[data-run-status=Completed]", new() { Timeout = StudioAppFixture.SlowWaitMs });
        await page.Locator("[data-variant]").Nth(11).WaitForAsync();
        (await page.Locator("[data-variant]").CountAsync()).ShouldBe(12);
        (await bar.GetAttributeAsync("aria-valuenow")).ShouldBe("12");
        (await page.Locator("[data-cell='students/Sms'] .fieldtext").First.InnerTextAsync()).ShouldNotBeNullOrWhiteSpace();
        (await page.Locator("[data-gate]").CountAsync()).ShouldBe(12, "every variant shows the gate its checks gave it");
        await page.ScreenshotAsync(new() { Path = StudioAppFixture.ScreenshotPath("campaign-run"), FullPage = true });

        // Every variant records the template version it was written from, and the grid filters by it.
        var smsTemplate = await page.Locator("#template-filter option[value^='sms ']").GetAttributeAsync("value");
        await page.SelectOptionAsync("#template-filter", smsTemplate!);
        await Assertions.Expect(page.Locator("[data-variant]")).ToHaveCountAsync(4); // 2 segments × 2 SMS variants

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        var campaign = await db.Campaigns.SingleAsync(c => c.Name == "Roast Club spring push");
        campaign.CreatedBy.ShouldBe(TestUsers.Marketer.UserName, "the campaign records who signed in, not \"web\"");
    }

    [Fact]
    public async Task ARewriteJoinsTheCampaignBesideItsOriginalAndTheRunHistorySaysWhy()
    {
        var page = await app.OpenAsAsync(TestUsers.Marketer, NewCampaignPage.Path);
        var form = new NewCampaignPage(page);
        await form.FillAsync(new BriefInput("Lineage check") { Variants = 2 });
        await form.GenerateAndOpenCampaignAsync();
        await page.WaitForSelectorAsync("[data-run-status=Completed]", new() { Timeout = StudioAppFixture.SlowWaitMs });
        var campaignUrl = page.Url;
        var total = await page.Locator("[data-variant]").CountAsync();
        await Assertions.Expect(page.Locator("#run-summary [data-written]")).ToHaveTextAsync($"{total} of {total} written");

        // A brand manager asks for changes on one variant.
        var original = await page.Locator("[data-cell='students/Email'] [data-review-link]").First.GetAttributeAsync("data-review-link");
        var manager = await app.OpenAsAsync(TestUsers.BrandManager, $"/review/{original}");
        await manager.FillAsync("#decision-note", "Drop the opening question and lead with the delivery schedule.");
        await manager.ClickAsync("#request-changes");
        await Assertions.Expect(manager.Locator("#review-notice")).ToContainTextAsync("marked superseded");

        // The campaign now holds both: the original, marked superseded and linked to its rewrite, and the rewrite,
        // linked back with the feedback; the run history lists the revision run with who asked and why.
        await page.GotoAsync(campaignUrl);
        var rewrite = page.Locator("[data-revision-of]");
        await rewrite.WaitForAsync(new() { Timeout = StudioAppFixture.SlowWaitMs });
        await Assertions.Expect(page.Locator("[data-variant]")).ToHaveCountAsync(total + 1);
        (await rewrite.GetAttributeAsync("data-revision-of")).ShouldBe(original);
        await Assertions.Expect(rewrite).ToContainTextAsync("Drop the opening question");
        await Assertions.Expect(page.Locator($"[data-variant='{original}'] [data-superseded-by]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#run-history tr[data-run]")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#run-history tr[data-run-kind=Revision]")).ToContainTextAsync("Request changes");
        await page.ScreenshotAsync(new() { Path = StudioAppFixture.ScreenshotPath("campaign-lineage"), FullPage = true });

        // One run at a time is still a choice.
        var firstRun = await page.Locator("#run-history tr[data-run-kind=Initial]").GetAttributeAsync("data-run");
        await page.SelectOptionAsync("#run-filter", firstRun!);
        await Assertions.Expect(page.Locator("[data-variant]")).ToHaveCountAsync(total);

        // "Generate again" says how much it will write before it writes anything; Cancel starts nothing.
        await page.ClickAsync("#new-run");
        await Assertions.Expect(page.Locator("#confirm-new-run")).ToContainTextAsync($"Write {total} more variants?");
        await page.ClickAsync("#confirm-new-run-cancel");
        await Assertions.Expect(page.Locator("#confirm-new-run")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#run-history tr[data-run]")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task AnIncompleteBriefShowsWhatToFixAndCreatesNothing()
    {
        var page = await app.OpenAsAsync(TestUsers.Marketer, NewCampaignPage.Path);
        await page.FillAsync("#name", "");
        await new NewCampaignPage(page).GenerateAsync();
        var errors = page.Locator("#brief-errors");
        await errors.WaitForAsync();
        (await errors.InnerTextAsync()).ShouldContain("Campaign name is required");
        (await page.Locator(".validation-message[data-field=product]").CountAsync()).ShouldBeGreaterThan(0);
        page.Url.ShouldEndWith("/campaigns/new");
        await page.ScreenshotAsync(new() { Path = StudioAppFixture.ScreenshotPath("brief-errors"), FullPage = true });
    }
}
