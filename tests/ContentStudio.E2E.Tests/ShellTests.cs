using ContentStudio.E2E.Tests.Infrastructure;

namespace ContentStudio.E2E.Tests;

[Collection(StudioAppCollection.Name)]
public class ShellTests(StudioAppFixture app)
{
    [Fact]
    public async Task HomePageBecomesInteractiveAndNavigatesToBrands()
    {
        var page = await app.OpenAsAsync(TestUsers.Marketer, "/");
        (await page.TitleAsync()).ShouldContain("ContentStudio");
        await page.ClickAsync("nav >> text=Brands");
        await page.WaitForURLAsync("**/brands");
        await page.ScreenshotAsync(new() { Path = StudioAppFixture.ScreenshotPath("shell"), FullPage = true });
    }
}
