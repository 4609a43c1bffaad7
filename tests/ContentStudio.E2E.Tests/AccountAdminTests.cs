using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ContentStudio.Core.Identity;
using ContentStudio.Core.Kernel;
using ContentStudio.E2E.Tests.Infrastructure;

namespace ContentStudio.E2E.Tests;

/// <summary>The admin's account tools in a real browser: reset a password (shown once), the user changes it on their
/// own page (a weak one is refused saying why), disable (confirmed) ends their session; and the main pages fit 1024 px.</summary>
[Collection(StudioAppCollection.Name)]
public class AccountAdminTests(StudioAppFixture app)
{
    [Fact]
    public async Task AnAdminResetsAPasswordTheUserChangesItAndDisablingEndsTheirSession()
    {
        await using (var scope = app.Services.CreateAsyncScope())
            (await scope.ServiceProvider.GetRequiredService<UserAdmin>().CreateUserAsync(StudioUser.System, "olga", "Olga Ops", "Olga-e2e-Pass-1",
                [StudioRoles.Marketer])).Succeeded.ShouldBeTrue();
        var admin = await app.OpenAsAsync(TestUsers.Admin, "/admin/users");
        var row = admin.Locator("[data-user=olga]");
        await row.Locator("[data-action=reset-password]").ClickAsync();
        await admin.ClickAsync("#reset-password-submit"); // empty: the studio makes one
        var generated = (await admin.Locator("#one-time-password-value").InnerTextAsync()).Trim();
        generated.Length.ShouldBe(20);

        // The password page is a static form (it renews the cookie on its own response), so no circuit to wait for.
        var olga = await (await app.Browser.NewContextAsync()).NewPageAsync();
        await olga.GotoAsync(app.BaseUrl + "/account/password");
        await app.SignInAsync(olga, "olga", generated);
        await olga.Locator("#password-form").WaitForAsync();
        await olga.FillAsync("#current-password", generated);
        await olga.FillAsync("#new-password", "short");
        await olga.ClickAsync("#change-password");
        await Assertions.Expect(olga.Locator("#password-errors")).ToContainTextAsync("at least 10 characters");
        await olga.FillAsync("#current-password", generated);
        await olga.FillAsync("#new-password", "Olga-new-Pass-2");
        await olga.ClickAsync("#change-password");
        await Assertions.Expect(olga.Locator("#password-changed")).ToBeVisibleAsync();
        await olga.ScreenshotAsync(new() { Path = StudioAppFixture.ScreenshotPath("account-password-changed"), FullPage = true });

        await row.Locator("[data-action=disable]").ClickAsync();
        await Assertions.Expect(admin.Locator("#confirm-disable")).ToContainTextAsync("will not be able to sign in");
        await admin.ClickAsync("#confirm-disable-confirm");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-disabled", "true");
        await admin.ScreenshotAsync(new() { Path = StudioAppFixture.ScreenshotPath("admin-users-disabled"), FullPage = true });

        await olga.GotoAsync(app.BaseUrl + "/");
        olga.Url.ShouldContain("/account/login");
        await olga.FillAsync("#username", "olga");
        await olga.FillAsync("#password", "Olga-new-Pass-2");
        await olga.ClickAsync("#sign-in");
        await Assertions.Expect(olga.Locator("#login-error")).ToContainTextAsync("disabled");
    }

    [Theory]
    [InlineData("/queue")]
    [InlineData("/audit")]
    [InlineData("/admin/users")]
    [InlineData("/templates/email")]
    public async Task TheMainPagesFitA1024PixelWindowWithoutSidewaysScrolling(string path)
    {
        var page = await app.OpenAsAsync(TestUsers.Admin, path);
        await page.SetViewportSizeAsync(1024, 768);
        await page.WaitForTimeoutAsync(300);
        var (scroll, client) = (await page.EvaluateAsync<int>("document.documentElement.scrollWidth"),
            await page.EvaluateAsync<int>("document.documentElement.clientWidth"));
        scroll.ShouldBeLessThanOrEqualTo(client, $"{path} is {scroll} px wide in a {client} px window");
        await page.ScreenshotAsync(new() { Path = StudioAppFixture.ScreenshotPath("at-1024" + path.Replace('/', '-')), FullPage = true });
    }
}
