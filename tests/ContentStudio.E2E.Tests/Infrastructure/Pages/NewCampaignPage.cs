using Microsoft.Playwright;

namespace ContentStudio.E2E.Tests.Infrastructure.Pages;

/// <summary>What a marketer types into the brief form (the sample Lumen Coffee brief unless a test says otherwise).</summary>
public sealed record BriefInput(string Name)
{
    public string Brand { get; init; } = "lumen-coffee";
    public string Product { get; init; } = "Lumen Roast Club";
    public string CallToAction { get; init; } = "Start your subscription";
    public string Objective { get; init; } = "Win new Roast Club subscribers before spring";
    public IReadOnlyList<string> Messages { get; init; } = ["Freshly roasted coffee delivered on your schedule"];
    public string? Offer { get; init; }
    /// <summary>Channels ticked besides the form's defaults.</summary>
    public IReadOnlyList<string> ExtraChannels { get; init; } = [];
    public IReadOnlyList<string> Segments { get; init; } = ["students"];
    public int Variants { get; init; } = 1;
}

/// <summary>The new-campaign page as a marketer uses it: fill the brief, generate, land on the campaign.</summary>
public sealed class NewCampaignPage(IPage page)
{
    public const string Path = "/campaigns/new";

    public async Task FillAsync(BriefInput brief)
    {
        await page.FillAsync("#name", brief.Name);
        await page.SelectOptionAsync("#brand", brief.Brand);
        await page.FillAsync("#product", brief.Product);
        await page.FillAsync("#cta", brief.CallToAction);
        await page.FillAsync("#objective", brief.Objective);
        await page.FillAsync("#messages", string.Join("\n", brief.Messages));
        if (brief.Offer is { } offer) await page.FillAsync("#offer", offer);
        foreach (var channel in brief.ExtraChannels) await page.CheckAsync($"[data-channel={channel}]");
        foreach (var segment in brief.Segments) await page.CheckAsync($"[data-segment={segment}]");
        await page.FillAsync("#variants", brief.Variants.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public Task GenerateAsync() => page.ClickAsync("#generate");

    /// <summary>Generates and waits for the campaign page (the app's one worker may be busy with other tests' runs).</summary>
    public async Task GenerateAndOpenCampaignAsync()
    {
        await GenerateAsync();
        await page.WaitForURLAsync("**/campaigns/*-*", new() { Timeout = StudioAppFixture.SlowWaitMs });
    }
}
