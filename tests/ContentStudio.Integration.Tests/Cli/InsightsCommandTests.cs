using System.Text.Json;
using ContentStudio.Core.Insights.Results;
using ContentStudio.Integration.Tests.Insights;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ContentStudio.Integration.Tests.Cli;

/// <summary>`studio results import` and `studio experiments report` through the real process on a fresh SQLite file:
/// exit codes, every bad line on stderr, and the same report as text and JSON.</summary>
public sealed class InsightsCommandTests : IDisposable
{
    readonly CliWorkspace _workspace = CliWorkspace.Sqlite();

    public void Dispose() => _workspace.Dispose();

    async Task<InsightsSeed> SeedAsync()
    {
        await _workspace.EnsureUserAsync();
        InsightsSeed seed;
        await using (var db = _workspace.Db()) seed = await InsightsSeed.CreateAsync(db, DateTime.UtcNow);
        SqliteConnection.ClearAllPools();
        return seed;
    }

    [Fact]
    public async Task ImportsAGoodFileOnceAndReportsTheExperimentAsTextAndJson()
    {
        var seed = await SeedAsync();
        var (a, b, c) = (seed.Published[0].Id, seed.Published[1].Id, seed.Published[2].Id);
        var file = _workspace.WriteFile("results.csv", $"""
            variant_id,send_date,impressions,clicks,conversions
            {a},2026-11-20,10000,500,50
            {b},2026-11-20,10000,620,61
            {c},2026-11-20,10000,505,49
            """);

        var first = await _workspace.RunAsync("results", "import", "--file", file);
        var again = await _workspace.RunAsync("results", "import", "--file", file);

        first.ExitCode.ShouldBe(0, first.ToString());
        first.StdOut.ShouldContain("results imported from results.csv: 3 added, 0 updated, 0 unchanged");
        again.StdOut.ShouldContain("0 added, 0 updated, 3 unchanged", Case.Sensitive, again.ToString());

        var text = await _workspace.RunAsync("experiments", "report", "--campaign", seed.CampaignId.ToString());
        text.ExitCode.ShouldBe(0, text.ToString());
        text.StdOut.ShouldContain("young-professionals × Email: control #0 (not designated: the lowest variant index)");
        text.StdOut.ShouldContain("Holm-corrected");
        text.StdOut.ShouldContain("decision: WINNER #1: #1 beats the control");

        var json = await _workspace.RunAsync("experiments", "report", "--campaign", seed.CampaignId.ToString(), "--format", "json");
        json.ExitCode.ShouldBe(0, json.ToString());
        using var doc = JsonDocument.Parse(json.StdOut);
        var experiment = doc.RootElement.GetProperty("experiments")[0];
        experiment.GetProperty("decision").GetString().ShouldBe("Winner");
        experiment.GetProperty("winnerVariantId").GetGuid().ShouldBe(b);
        var arms = experiment.GetProperty("arms");
        arms.GetArrayLength().ShouldBe(3);
        arms[1].GetProperty("stats").GetProperty("rate").GetDouble().ShouldBe(0.062, 1e-12);
        arms[1].GetProperty("stats").GetProperty("rateInterval").GetProperty("lower").GetDouble().ShouldBeLessThan(0.062);
    }

    [Fact]
    public async Task ABadFileExitsOneListingEveryLineAndImportsNothing()
    {
        var seed = await SeedAsync();
        var file = _workspace.WriteFile("bad.csv", $"""
            variant_id,send_date,impressions,clicks,conversions
            {seed.Published[0].Id},2026-11-20,100,10,1
            {seed.InReview.Id},2026-11-20,100,10,1
            {seed.Published[1].Id},2026-11-20,100,101,1
            """);

        var result = await _workspace.RunAsync("results", "import", "--file", file);

        result.ExitCode.ShouldBe(1, result.ToString());
        result.StdErr.ShouldContain("bad.csv:3: Variant");
        result.StdErr.ShouldContain("not published");
        result.StdErr.ShouldContain("bad.csv:4: Column 'clicks': 101 is more than the 100 impressions");
        result.StdErr.ShouldContain("2 problem(s); nothing was imported");
        await using var db = _workspace.Db();
        (await db.Set<VariantResult>().CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task GovernanceReportPrintsTheCountsAsTextAndCsv()
    {
        await SeedAsync(); // four variants generated today (three published, one in review), no decisions
        var today = DateTime.UtcNow.Date;
        string Day(DateTime d) => d.ToString("yyyy-MM-dd");

        var text = await _workspace.RunAsync("governance", "report", "--from", Day(today), "--to", Day(today.AddDays(1)), "--brand", "lumen");
        var csv = await _workspace.RunAsync("governance", "report", "--from", Day(today), "--to", Day(today.AddDays(1)), "--format", "csv");
        var reversed = await _workspace.RunAsync("governance", "report", "--from", Day(today), "--to", Day(today.AddDays(-1)));

        text.ExitCode.ShouldBe(0, text.ToString());
        text.StdOut.ShouldContain("variants generated: 4");
        text.StdOut.ShouldContain("review states: InReview 1, Published 3");
        text.StdOut.ShouldContain("median —");
        csv.StdOut.ShouldStartWith("metric,key,value\n");
        csv.StdOut.ShouldContain("gate,Clean,4\n");
        text.StdOut.ShouldContain("Checks calibrated by reviewers (0 variants");
        text.StdOut.ShouldContain("possible misses: no rejections or change requests");
        csv.StdOut.ShouldContain("calibration_variants_decided,,0\n");
        text.StdOut.ShouldContain("What reviewers change (0 edits");
        csv.StdOut.ShouldContain("edits_read,,0\n");
        reversed.ExitCode.ShouldBe(2, reversed.ToString());
        reversed.StdErr.ShouldContain("the period is empty");
    }

    [Fact]
    public async Task AnUnknownCampaignExitsTwo()
    {
        await SeedAsync();

        var result = await _workspace.RunAsync("experiments", "report", "--campaign", Guid.NewGuid().ToString());

        result.ExitCode.ShouldBe(2, result.ToString());
        result.StdErr.ShouldContain("no campaign has the id");
    }
}
