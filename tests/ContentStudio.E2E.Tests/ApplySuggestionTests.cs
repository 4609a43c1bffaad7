using ContentStudio.Core.Data;
using ContentStudio.Core.Kernel;
using ContentStudio.Core.Review;
using ContentStudio.E2E.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ContentStudio.E2E.Tests;

/// <summary>A finding's suggested replacement is previewed as the sentence it makes, with the separation-of-duties
/// consequence stated, then applied; the checks run again and the highlights are the fresh check's.</summary>
[Collection(StudioAppCollection.Name)]
public class ApplySuggestionTests(StudioAppFixture app)
{
    [Fact]
    public async Task ClickingASuggestedReplacementRewritesTheSpanAndTheFindingGoesAway()
    {
        var variantId = await ReviewFlowTests.GenerateVariantAsync(app, "Apply suggestion check");
        var page = await app.OpenAsAsync(TestUsers.Marketer, $"/review/{variantId}");

        await page.ClickAsync("#edit");
        await page.FillAsync("[data-edit=subject]", "Hey guys, meet Lumen Roast Club");
        await page.ClickAsync("#save-edit");
        var guys = page.Locator("mark.finding[data-rule^='inclusive.gender']");
        await guys.First.WaitForAsync();
        (await guys.First.InnerTextAsync()).ShouldBe("guys");

        await page.ClickAsync("button[data-replacement=everyone]");
        await Assertions.Expect(page.Locator("[data-preview=before]")).ToHaveTextAsync("Hey guys, meet Lumen Roast Club");
        await Assertions.Expect(page.Locator("[data-preview=after]")).ToHaveTextAsync("Hey everyone, meet Lumen Roast Club");
        await page.ClickAsync("#confirm-suggestion-confirm");
        await Assertions.Expect(page.Locator("[data-field=subject]")).ToContainTextAsync("Hey everyone, meet Lumen Roast Club");
        await Assertions.Expect(guys).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = StudioAppFixture.ScreenshotPath("apply-suggestion"), FullPage = true });
    }

    [Fact]
    public async Task ABrandManagerIsToldBeforeApplyingThatItMakesThemAnAuthorAndAfterwardsCannotApprove()
    {
        var variantId = await ReviewFlowTests.GenerateVariantAsync(app, "Suggestion consequence check");
        // Maria (the marketer) wrote "guys" into the subject; Bruno reviews it.
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync())
        {
            var v = await db.Variants.AsNoTracking().SingleAsync(x => x.Id == Guid.Parse(variantId));
            await app.Services.GetRequiredService<ReviewService>().EditAsync(v.Id,
                new Dictionary<string, string>(v.Fields) { ["subject"] = "Hey guys, meet Lumen Roast Club" }, v.ConcurrencyToken,
                new StudioUser(TestUsers.Marketer.UserName, TestUsers.Marketer.DisplayName, StudioRoles.Marketer));
        }
        var page = await app.OpenAsAsync(TestUsers.BrandManager, $"/review/{variantId}");
        await Assertions.Expect(page.Locator("#approve")).Not.ToHaveAttributeAsync("aria-disabled", "true");

        await page.ClickAsync("button[data-replacement=everyone]");
        await Assertions.Expect(page.Locator("#suggestion-consequence")).ToContainTextAsync("Applying makes you an author of this copy");
        await page.ScreenshotAsync(new() { Path = StudioAppFixture.ScreenshotPath("apply-suggestion-preview"), FullPage = true });
        await page.ClickAsync("#confirm-suggestion-confirm");

        await Assertions.Expect(page.Locator("[data-field=subject]")).ToContainTextAsync("Hey everyone, meet Lumen Roast Club");
        await Assertions.Expect(page.Locator("#approve")).ToHaveAttributeAsync("aria-disabled", "true");
    }
}
