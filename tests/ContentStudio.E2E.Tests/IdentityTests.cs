using ContentStudio.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ContentStudio.E2E.Tests;

[Collection(StudioAppCollection.Name)]
public class IdentityTests(StudioAppFixture app)
{
    [Fact]
    public async Task AnAnonymousVisitorIsSentToTheLoginPageAndComesBackAfterSigningIn()
    {
        var page = await (await app.Browser.NewContextAsync()).NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/segments");
        page.Url.ShouldContain("/account/login?returnUrl=%2Fsegments");
        (await page.Locator("nav.sidebar").CountAsync()).ShouldBe(0, "nothing of the studio shows before signing in");
        await page.ScreenshotAsync(new() { Path = StudioAppFixture.ScreenshotPath("login"), FullPage = true });

        await app.SignInAsync(page, TestUsers.Marketer.UserName, TestUsers.Marketer.Password);
        page.Url.ShouldEndWith("/segments");
        await page.WaitForSelectorAsync("[data-interactive=true]");
        (await page.InnerTextAsync("#signed-in-name")).ShouldBe(TestUsers.Marketer.DisplayName);
        (await page.InnerTextAsync("#signed-in-roles")).ShouldBe("Marketer");
    }

    [Fact]
    public async Task AWrongPasswordShowsAnErrorAndKeepsTheUserName()
    {
        var page = await (await app.Browser.NewContextAsync()).NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/account/login");
        await page.FillAsync("#username", TestUsers.BrandManager.UserName);
        await page.FillAsync("#password", "not-the-password");
        await page.ClickAsync("#sign-in");
        var error = page.Locator("#login-error");
        await error.WaitForAsync();
        (await error.InnerTextAsync()).ShouldContain("Wrong user name or password");
        (await page.InputValueAsync("#username")).ShouldBe(TestUsers.BrandManager.UserName);
        (await page.InputValueAsync("#password")).ShouldBeEmpty();
        await page.ScreenshotAsync(new() { Path = StudioAppFixture.ScreenshotPath("login-error"), FullPage = true });
    }

    [Fact]
    public async Task AnAdminAddsAUserWhoCanThenSignInWithTheirRoles()
    {
        var page = await app.OpenAsAsync(TestUsers.Admin, "/admin/users");
        await page.Locator("[data-user=maria]").WaitForAsync();

        await page.FillAsync("#new-username", "paula");
        await page.FillAsync("#new-displayname", "Paula Prompts");
        await page.FillAsync("#new-password", "short");
        await page.UncheckAsync("#new-role-Marketer");
        await page.ClickAsync("#add-user-submit");
        var errors = page.Locator("#add-user-errors");
        await errors.WaitForAsync();
        (await errors.InnerTextAsync()).ShouldContain("at least 10 characters");
        (await errors.InnerTextAsync()).ShouldContain("Choose at least one role");
        await page.ScreenshotAsync(new() { Path = StudioAppFixture.ScreenshotPath("admin-users-errors"), FullPage = true });

        await page.FillAsync("#new-password", "Paula-e2e-Pass-1");
        await page.CheckAsync("#new-role-PromptEngineer");
        await page.ClickAsync("#add-user-submit");
        var row = page.Locator("[data-user=paula]");
        await row.WaitForAsync();
        (await row.Locator("[data-roles]").InnerTextAsync()).ShouldBe("Prompt engineer");
        await page.ScreenshotAsync(new() { Path = StudioAppFixture.ScreenshotPath("admin-users"), FullPage = true });

        await row.Locator("[data-action=edit-roles]").ClickAsync();
        await page.CheckAsync("#edit-paula-role-BrandManager");
        await row.Locator("[data-action=save-roles]").ClickAsync();
        await page.Locator("#users-notice").WaitForAsync();
        (await row.Locator("[data-roles]").InnerTextAsync()).ShouldBe("Brand manager, Prompt engineer");

        var paula = await app.OpenAsAsync(new TestUser("paula", "Paula Prompts", "Paula-e2e-Pass-1", "PromptEngineer"), "/");
        (await paula.InnerTextAsync("#signed-in-roles")).ShouldBe("Brand manager · Prompt engineer");
    }

    [Fact]
    public async Task AMarketerCannotOpenTheUsersPage()
    {
        // Inside the running circuit (client-side navigation): the router's AuthorizeRouteView refuses.
        var inCircuit = await app.OpenAsAsync(TestUsers.Marketer, "/");
        await inCircuit.EvaluateAsync("Blazor.navigateTo('admin/users')");
        await inCircuit.Locator("#access-denied").WaitForAsync();
        (await inCircuit.Locator("#users-table").CountAsync()).ShouldBe(0);

        // A full page load: the server's authorization refuses before anything renders.
        var page = await app.OpenAsAsync(TestUsers.Marketer, "/admin/users");
        page.Url.ShouldContain("/account/access-denied");
        await page.Locator("#access-denied").WaitForAsync();
        (await page.Locator("#users-table").CountAsync()).ShouldBe(0);
        (await page.Locator("nav >> text=Users").CountAsync()).ShouldBe(0, "the menu does not offer what the role may not open");
        await page.ScreenshotAsync(new() { Path = StudioAppFixture.ScreenshotPath("access-denied"), FullPage = true });
    }

    [Fact]
    public async Task SigningOutEndsTheSession()
    {
        var page = await app.OpenAsAsync(TestUsers.BrandManager, "/");
        await page.ClickAsync("#sign-out");
        await page.WaitForURLAsync("**/account/login");
        await page.GotoAsync(app.BaseUrl + "/");
        page.Url.ShouldContain("/account/login");
    }
}
