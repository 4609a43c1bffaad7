using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ContentStudio.Core.Identity;
using ContentStudio.E2E.Tests.Infrastructure;
using ContentStudio.Core.Kernel;

namespace ContentStudio.E2E.Tests;

/// <summary>The template studio as a prompt engineer uses it: live validation while typing, a live preview of the
/// exact messages with a streamed test call, then save, evaluate and release through the gate.</summary>
[Collection(StudioAppCollection.Name)]
public partial class TemplateStudioTests(StudioAppFixture app)
{
    private static readonly TestUser Engineer = new("pia", "Pia Prompt", "Prompt-e2e-Pass-1", StudioRoles.PromptEngineer);
    private const string Opening = "You are a senior copywriter for {{brandName}}.";

    [Fact]
    public async Task PromptEngineerFixesATypoSavesPreviewsEvaluatesAndReleasesTheEmailTemplate()
    {
        await using (var scope = app.Services.CreateAsyncScope())
            (await scope.ServiceProvider.GetRequiredService<UserAdmin>().CreateUserAsync(StudioUser.System, Engineer.UserName,
                Engineer.DisplayName, Engineer.Password, [Engineer.Role])).Succeeded.ShouldBeTrue();
        var page = await app.OpenAsAsync(Engineer, "/templates/email");
        var editor = page.Locator("#text");
        var original = await editor.InputValueAsync();
        original.ShouldContain(Opening);
        await Assertions.Expect(page.Locator("#live-validation")).Not.ToHaveAttributeAsync("data-state", "errors");

        // A misspelt variable is reported while typing, with the line it is on.
        var broken = original.Replace(Opening, "You are a senior copywriter for {{brandNme}}.");
        var line = original[..original.IndexOf(Opening, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        await editor.FillAsync(broken);
        await Assertions.Expect(page.Locator("#live-validation")).ToHaveAttributeAsync("data-state", "errors");
        await Assertions.Expect(page.Locator("#live-errors")).ToContainTextAsync($"line {line}");
        await Assertions.Expect(page.Locator("#live-errors")).ToContainTextAsync("brandNme");
        await Assertions.Expect(page.Locator("#pv-unavailable")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = StudioAppFixture.ScreenshotPath("templates-live-error"), FullPage = true });

        // A template that parses but cannot render for the chosen brief says why instead of failing: the harbor
        // sample brief has no offer, so an offer made required is missing.
        const string optionalOffer = "{ name: offer, type: string, required: false";
        original.ShouldContain(optionalOffer);
        await editor.FillAsync(original.Replace(optionalOffer, optionalOffer.Replace("false", "true")));
        await page.SelectOptionAsync("#pv-brief", "doc-brief-harbor.json");
        await Assertions.Expect(page.Locator("#pv-error")).ToContainTextAsync("required input 'offer'");

        // Fixed, with one harmless extra sentence in the system part, and saved as a new version.
        const string extra = "Keep the tone warm and plain.";
        await editor.FillAsync(original.Replace(Opening, Opening + " " + extra));
        await Assertions.Expect(page.Locator("#live-validation")).Not.ToHaveAttributeAsync("data-state", "errors");
        await page.FillAsync("#note", "warmer opening");
        await page.ClickAsync("text=Save version");
        var saved = page.Locator("[role=status]", new() { HasTextRegex = SavedAs() });
        await saved.WaitForAsync();
        var number = SavedAs().Match(await saved.InnerTextAsync()).Groups[1].Value;

        // The preview shows the exact messages: the new sentence, fenced untrusted fields, a token estimate.
        await Assertions.Expect(page.Locator("#pv-system")).ToContainTextAsync(extra);
        await Assertions.Expect(page.Locator("#pv-user")).ToContainTextAsync("<<<untrusted:brief.product>>>");
        await Assertions.Expect(page.Locator("#pv-user")).ToContainTextAsync("<<<end:brief.product>>>");
        int.Parse(await page.Locator("#pv-tokens").InnerTextAsync()).ShouldBeGreaterThan(100);

        // A brief from docs/samples switches brand and segment; the product in the fence follows.
        await page.SelectOptionAsync("#pv-brief", "doc-brief-harbor.json");
        await Assertions.Expect(page.Locator("#pv-brand")).ToHaveValueAsync("harbor-bank");
        await Assertions.Expect(page.Locator("#pv-user")).ToContainTextAsync("Harbor High-Yield Savings");

        // Test generation streams the offline composer's answer into the page.
        await page.ClickAsync("#pv-test");
        await Assertions.Expect(page.Locator("#pv-done")).ToBeVisibleAsync(new() { Timeout = 20000 });
        await Assertions.Expect(page.Locator("#pv-answer")).ToContainTextAsync("\"subject\"");
        await page.ScreenshotAsync(new() { Path = StudioAppFixture.ScreenshotPath("templates-preview"), FullPage = true });

        // Evaluate against the released version, then release through the gate without a justification.
        var row = page.Locator($"tr[data-version='{number}']");
        await row.Locator("text=Evaluate").ClickAsync();
        await Assertions.Expect(page.Locator("section[aria-label=Evaluation]")).ToContainTextAsync($"Evaluation of v{number}", new() { Timeout = 60000 });
        // The report charts candidate against released, one pair of bars per metric and category.
        (await page.Locator("figure[aria-label='Evaluation chart'] [data-series=candidate]").CountAsync()).ShouldBeGreaterThan(3);
        (await page.Locator("figure[aria-label='Evaluation chart'] [data-series=released]").CountAsync()).ShouldBeGreaterThan(3);
        await row.Locator("text=Release…").ClickAsync();
        await page.Locator("section[aria-label=Release] button", new() { HasText = "Release" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("[role=status]", new() { HasText = $"Released v{number}" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".toolbar .badge.ok")).ToHaveTextAsync($"released v{number}");
        await Assertions.Expect(row).ToContainTextAsync("released");
        await page.ScreenshotAsync(new() { Path = StudioAppFixture.ScreenshotPath("templates-released"), FullPage = true });

        // The evaluation set is editable on the page; text that does not check is refused and nothing is written.
        var evalSet = page.Locator("#eval-set");
        await Assertions.Expect(evalSet).ToHaveValueAsync(new Regex("\"cases\""));
        await evalSet.FillAsync("{ \"cases\": [ { \"brand\": \"harbor-bank\" } ] }");
        await page.ClickAsync("#save-eval-set");
        await Assertions.Expect(page.Locator("section[aria-label='Evaluation set'] [role=alert]")).ToContainTextAsync("case 1: 'segment' is missing");

        // The release is in the audit log, by the prompt engineer who made it.
        await using var db = await app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<ContentStudio.Core.Data.StudioDbContext>>().CreateDbContextAsync();
        db.AuditEvents.Where(e => e.Action == ContentStudio.Core.Audit.AuditActions.TemplateReleased && e.EntityId == "email").ToList()
            .ShouldContain(e => e.DataJson.Contains($"\"number\":{number}"));
    }

    [GeneratedRegex(@"Saved as v(\d+)")]
    private static partial Regex SavedAs();
}
