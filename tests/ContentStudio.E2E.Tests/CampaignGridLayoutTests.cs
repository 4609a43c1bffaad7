using ContentStudio.E2E.Tests.Infrastructure;
using ContentStudio.E2E.Tests.Infrastructure.Pages;
using Microsoft.Playwright;

namespace ContentStudio.E2E.Tests;

/// <summary>Issue #14, "the grid does not fit": at 1440, 1280 and 1024 px the campaign page never scrolls sideways, the
/// run button stays on screen, 36 variants make a short page of compact rows, and the grid's channel and segment headers
/// stay in view while its own box scrolls.</summary>
[Collection(StudioAppCollection.Name)]
public class CampaignGridLayoutTests(StudioAppFixture app)
{
    private sealed record Box(double X, double Y, double Width, double Height);

    private static async Task<Box> BoxOf(ILocator locator) =>
        await locator.BoundingBoxAsync() is { } b ? new(b.X, b.Y, b.Width, b.Height) : throw new InvalidOperationException("not rendered");

    [Fact]
    public async Task TheGridFitsTheWindowAndItsHeadersStayInViewWhileItScrolls()
    {
        var page = await app.OpenAsAsync(TestUsers.Marketer, NewCampaignPage.Path);
        var form = new NewCampaignPage(page);
        await form.FillAsync(new BriefInput("Grid layout check")
        {
            ExtraChannels = ["ad", "social", "landing-hero", "push"], Segments = ["students", "retirees", "busy-parents"], Variants = 2,
        });
        await form.GenerateAndOpenCampaignAsync();
        await page.WaitForSelectorAsync("[data-run-status=Completed]", new() { Timeout = StudioAppFixture.SlowWaitMs });
        await Assertions.Expect(page.Locator("[data-variant]")).ToHaveCountAsync(36); // 3 segments × 6 channels × 2

        foreach (var (width, height) in new[] { (1440, 900), (1280, 800), (1024, 768) })
        {
            await page.SetViewportSizeAsync(width, height);
            var size = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth, document.documentElement.scrollHeight]");
            size[0].ShouldBeLessThanOrEqualTo(size[1], $"the page scrolls sideways at {width} px");
            size[2].ShouldBeLessThan(3000, $"36 variants should make a short page at {width} px, not {size[2]} px");
            var runButton = await BoxOf(page.Locator("#new-run"));
            (runButton.X + runButton.Width).ShouldBeLessThanOrEqualTo(width, $"Generate again is off-screen at {width} px");
            await page.ScreenshotAsync(new() { Path = StudioAppFixture.ScreenshotPath($"campaign-grid-{width}"), FullPage = true });
        }

        // At 1440 every channel column is in view without scrolling the grid's box.
        await page.SetViewportSizeAsync(1440, 900);
        var grid = await BoxOf(page.Locator("#grid-scroll"));
        var headers = page.Locator("#grid-scroll thead th");
        (await headers.CountAsync()).ShouldBe(7);
        for (var i = 0; i < 7; i++)
            ((await BoxOf(headers.Nth(i))) is var h && h.X + h.Width <= grid.X + grid.Width + 1).ShouldBeTrue($"column {i} is cut off at 1440 px");

        // Expanded cards make the grid tall; scrolling its box down and right keeps the channel and segment headers in view.
        await page.SetViewportSizeAsync(1024, 768);
        await page.ClickAsync("#expand-all");
        await Assertions.Expect(page.Locator("#grid-scroll .variant .fieldtext").First).ToBeVisibleAsync();
        await page.Locator("#grid-scroll").EvaluateAsync("e => { e.scrollTop = 900; e.scrollLeft = 400; }");
        (await page.Locator("#grid-scroll").EvaluateAsync<int>("e => e.scrollTop")).ShouldBeGreaterThan(0, "the grid's box did not scroll");
        grid = await BoxOf(page.Locator("#grid-scroll"));
        var channelHeader = await BoxOf(page.Locator("#grid-scroll thead th").Nth(2));
        channelHeader.Y.ShouldBeInRange(grid.Y - 1, grid.Y + 12, "the channel headers scrolled out of view");
        var segmentHeader = await BoxOf(page.Locator("#grid-scroll tbody tr").Last.Locator("th"));
        segmentHeader.X.ShouldBeInRange(grid.X - 1, grid.X + 12, "the segment headers scrolled out of view");
        await page.Locator("#grid-scroll").ScreenshotAsync(new() { Path = StudioAppFixture.ScreenshotPath("campaign-grid-scrolled") });

        // Two picked variants are compared side by side.
        await page.Locator("[data-compare]").Nth(0).CheckAsync();
        await page.Locator("[data-compare]").Nth(1).CheckAsync();
        await Assertions.Expect(page.Locator("#compare [data-compared]")).ToHaveCountAsync(2);
    }
}
