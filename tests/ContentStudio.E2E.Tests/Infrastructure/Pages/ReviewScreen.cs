using Microsoft.Playwright;
using ContentStudio.Core.Kernel;

namespace ContentStudio.E2E.Tests.Infrastructure.Pages;

/// <summary>The review page of one variant: its state, its decision buttons (offered, or unavailable with Core's
/// reason), and the notices it shows.</summary>
public sealed class ReviewScreen(IPage page)
{
    public ILocator State => page.Locator("#review-state");
    public ILocator Error => page.Locator("#review-error");
    public ILocator Notice => page.Locator("#review-notice");

    public static string PathOf(string variantId) => $"/review/{variantId}";

    /// <summary>The state by its name (the badge shows it in plain words: <see cref="ReviewWords.Label(ReviewState)"/>).</summary>
    public async Task ExpectStateAsync(string state)
    {
        await Assertions.Expect(State).ToHaveAttributeAsync("data-state", state);
        await Assertions.Expect(State).ToHaveTextAsync(ReviewWords.Label(Enum.Parse<ReviewState>(state)));
    }

    /// <summary>The action is shown but refused: focusable, marked unavailable, with a reason containing <paramref name="why"/>.</summary>
    public async Task ExpectUnavailableAsync(string action, string why)
    {
        await Assertions.Expect(page.Locator($"#{action}")).ToHaveAttributeAsync("aria-disabled", "true");
        await Assertions.Expect(page.Locator($"#{action}-why")).ToContainTextAsync(why);
    }

    public Task SubmitAsync() => page.ClickAsync("#submit");
    public Task ApproveAsync() => page.ClickAsync("#approve");
}
