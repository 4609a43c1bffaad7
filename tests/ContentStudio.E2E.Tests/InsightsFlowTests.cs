using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ContentStudio.Core.Campaigns;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Data;
using ContentStudio.Core.Generation;
using Microsoft.Playwright;
using ContentStudio.E2E.Tests.Infrastructure;
using ContentStudio.Core.Kernel;

namespace ContentStudio.E2E.Tests;

/// <summary>Insights end to end: a marketer opens the page from the menu, uploads a results file with a bad line
/// (nothing imported, the line named), then the corrected file, and the experiment's charts and decision appear.</summary>
[Collection(StudioAppCollection.Name)]
public class InsightsFlowTests(StudioAppFixture app)
{
    [Fact]
    public async Task AMarketerImportsResultsAndSeesTheExperimentChartsAndDecision()
    {
        var (campaignId, control, challenger) = await PublishedPairAsync();
        var page = await app.OpenAsAsync(TestUsers.Marketer, $"/insights?campaign={campaignId}");
        await Assertions.Expect(page.Locator("nav a[href='insights']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-decision]")).ToHaveAttributeAsync("data-decision", "KeepTesting");

        await UploadAsync(page, $"variant_id,send_date,impressions,clicks,conversions\n{control},2026-11-20,10000,500,40\n{challenger},2026-11-20,100,620,50\n");
        // SourceErrorList renders the place as <code>results.csv:3</code> followed by the message.
        var problem = page.Locator("[role=alert] li");
        await Assertions.Expect(problem.Locator("code")).ToHaveTextAsync("results.csv:3");
        await Assertions.Expect(problem).ToContainTextAsync("Column 'clicks': 620 is more than the 100 impressions");
        await Assertions.Expect(page.Locator("[data-decision]")).ToHaveAttributeAsync("data-decision", "KeepTesting");

        await UploadAsync(page, $"variant_id,send_date,impressions,clicks,conversions\n{control},2026-11-20,10000,500,40\n{challenger},2026-11-20,10000,620,50\n");
        await Assertions.Expect(page.Locator("#results-message")).ToContainTextAsync("2 added, 0 updated, 0 unchanged");
        var experiment = page.Locator("[data-decision]");
        await Assertions.Expect(experiment).ToHaveAttributeAsync("data-decision", "Winner");
        await Assertions.Expect(experiment.Locator("svg[role=img]")).ToHaveCountAsync(2);
        await Assertions.Expect(experiment.Locator("[data-chart=rates] desc")).ToContainTextAsync("#1 6.20%");
        await Assertions.Expect(experiment.Locator($"[data-chart=rates] g[data-arm='{challenger}']")).ToHaveClassAsync("winner");
        await page.ScreenshotAsync(new() { Path = StudioAppFixture.ScreenshotPath("insights-experiment"), FullPage = true });
    }

    private static async Task UploadAsync(IPage page, string csv) =>
        await page.SetInputFilesAsync("#results-file", new FilePayload { Name = "results.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });

    /// <summary>A campaign with two published email variants for one segment, written straight into the app's database.</summary>
    private async Task<(Guid Campaign, Guid Control, Guid Challenger)> PublishedPairAsync()
    {
        var now = DateTime.UtcNow;
        var campaign = new Campaign { Name = "Insights check", BrandSlug = "lumen", CreatedUtc = now, CreatedBy = TestUsers.Marketer.UserName };
        var run = new GenerationRun { CampaignId = campaign.Id, CreatedBy = TestUsers.Marketer.UserName, CreatedUtc = now, Status = RunStatus.Completed };
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        db.Campaigns.Add(campaign);
        db.GenerationRuns.Add(run);
        var ids = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            var task = new GenerationTask { RunId = run.Id, Ordinal = i, SegmentKey = "students", Channel = ChannelKind.Email, VariantIndex = i, Status = GenerationTaskStatus.Done };
            var fields = new Dictionary<string, string> { ["subject"] = $"Save more, version {i}", ["body"] = "Open a Lumen Saver account." };
            var variant = new Variant
            {
                TaskId = task.Id, CampaignId = campaign.Id, RunId = run.Id, SegmentKey = "students", Channel = ChannelKind.Email, VariantIndex = i,
                FieldsJson = VariantFields.CanonicalJson(fields), ContentHash = VariantFields.Hash(fields), ReviewState = ReviewState.Published, CreatedUtc = now,
            };
            db.GenerationTasks.Add(task);
            db.Variants.Add(variant);
            ids.Add(variant.Id);
        }
        run.TotalTasks = run.DoneTasks = 2;
        await db.SaveChangesAsync();
        return (campaign.Id, ids[0], ids[1]);
    }
}
