using ContentStudio.Core.Audit;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Insights;
using ContentStudio.Core.Insights.Results;
using ContentStudio.Integration.Tests.Infrastructure;
using ContentStudio.Integration.Tests.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ContentStudio.Core.Kernel;
using static ContentStudio.Testing.People;

namespace ContentStudio.Integration.Tests.Insights;

/// <summary>Results files on a real database: all or nothing, every bad line named, re-imports idempotent.</summary>
public abstract class ResultsImportTests : StudioTests
{
    protected override void ConfigureServices(IServiceCollection services) => services.AddInsights();

    ResultsImporter Importer => Studio.Get<ResultsImporter>();

    Task<ResultsImportReport> ImportAsync(string csv, StudioUser? user = null) =>
        Importer.ImportAsync(new StringReader(csv), "results.csv", user ?? Maria);

    async Task<List<VariantResult>> StoredAsync()
    {
        await using var db = Studio.Db();
        return await db.Set<VariantResult>().AsNoTracking().OrderBy(r => r.SendDate).ThenBy(r => r.Impressions).ToListAsync();
    }

    [Fact]
    public async Task ImportsAFileAndTheSameFileAgainChangesNothingWhileCorrectionsReplaceTheNumbers()
    {
        var seed = await InsightsSeed.CreateAsync(Studio);
        var (a, b) = (seed.Published[0].Id, seed.Published[1].Id);
        var csv = $"""
                   variant_id,send_date,impressions,clicks,conversions,revenue,unsubscribes
                   {a},2026-11-20,1000,50,5,249.90,1
                   {b},2026-11-20,1200,70,9,,
                   """;

        (await ImportAsync(csv)).ShouldBe(new ResultsImportReport(2, 0, 0, []));
        (await ImportAsync(csv)).ShouldBe(new ResultsImportReport(0, 0, 2, []));
        var corrected = csv.Replace("1200,70,9", "1200,72,9");
        (await ImportAsync(corrected)).ShouldBe(new ResultsImportReport(0, 1, 1, []));

        var stored = await StoredAsync();
        stored.Count.ShouldBe(2);
        var first = stored.Single(r => r.VariantId == a);
        (first.CampaignId, first.SendDate, first.Impressions, first.Clicks, first.Conversions, first.RevenueMinor, first.Unsubscribes, first.Complaints)
            .ShouldBe((seed.CampaignId, new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc), 1000L, 50L, 5L, 24990L, 1L, (long?)null));
        stored.Single(r => r.VariantId == b).Clicks.ShouldBe(72);
        var audit = (await Studio.AuditEventsAsync()).Where(e => e.Action == AuditActions.ResultsImported).ToList();
        audit.Count.ShouldBe(3);
        audit[2].DataJson.ShouldContain("\"updated\":1");
    }

    [Fact]
    public async Task RefusesEveryBadLineByNumberAndImportsNothing()
    {
        var seed = await InsightsSeed.CreateAsync(Studio);
        var good = seed.Published[0].Id;
        var csv = $"""
                   variant_id,send_date,impressions,clicks,conversions
                   {good},2026-11-20,1000,50,5
                   {Guid.NewGuid()},2026-11-20,1000,50,5
                   {seed.InReview.Id},2026-11-20,1000,50,5
                   {seed.Published[1].Id},2026-11-20,100,150,5
                   {seed.Published[1].Id},2026-11-21,-3,0,0
                   {seed.Published[1].Id},20/11/2026,10,1,0
                   {good},2026-11-20,999,49,5
                   {seed.Published[2].Id},2026-12-24,10,1,0
                   not-an-id,2026-11-20,10,1,0
                   {seed.Published[2].Id},2026-11-20,10,1
                   """;

        var report = await ImportAsync(csv);

        report.Succeeded.ShouldBeFalse();
        report.Errors.Select(e => e.Line).ShouldBe([3, 4, 5, 6, 7, 8, 9, 10, 11]);
        string On(int line) => report.Errors.Single(e => e.Line == line).ToString();
        On(3).ShouldContain("no variant has the id");
        On(4).ShouldContain($"Variant {seed.InReview.Id} is InReview, not published");
        On(5).ShouldContain("results.csv:5: Column 'clicks': 150 is more than the 100 impressions");
        On(6).ShouldContain("Column 'impressions': -3 is negative");
        On(7).ShouldContain("Column 'send_date': '20/11/2026' is not a date; write it as YYYY-MM-DD");
        On(8).ShouldContain("is already on line 2; one row per variant and send date");
        On(9).ShouldContain("2026-12-24 is in the future");
        On(10).ShouldContain("Column 'variant_id': 'not-an-id' is not an id");
        On(11).ShouldContain("Row has 4 fields but the header has 5 columns");
        (await StoredAsync()).ShouldBeEmpty();
        (await Studio.AuditEventsAsync()).ShouldNotContain(e => e.Action == AuditActions.ResultsImported);
    }

    [Fact]
    public async Task AHeaderWithoutKeyOrRequiredCountsIsRefusedNamingTheColumns()
    {
        var report = await ImportAsync("send_date,impresions,clicks\n2026-11-20,10,1\n");

        report.Errors.ShouldAllBe(e => e.Line == 1);
        var text = string.Join("\n", report.Errors);
        text.ShouldContain("Unknown column 'impresions'. Did you mean 'impressions'?");
        text.ShouldContain("needs a 'variant_id' or a 'delivery_id' column");
        text.ShouldContain("no 'conversions' column");
    }

    [Fact]
    public async Task RowsKeyedByTheDeliveryIdLandOnThePublishedVariantAndUnsentDeliveriesAreRefused()
    {
        var seed = await InsightsSeed.CreateAsync(Studio);

        var refused = await ImportAsync($"delivery_id,send_date,sends,clicks,conversions\n{seed.SentDelivery},2026-11-20,500,20,2\n{seed.PendingDelivery},2026-11-20,500,20,2\n");
        refused.Errors.ShouldHaveSingleItem().ToString().ShouldContain($"results.csv:3: Column 'delivery_id': delivery {seed.PendingDelivery} was not sent (it is Pending)");

        (await ImportAsync($"delivery_id,send_date,sends,clicks,conversions\n{seed.SentDelivery},2026-11-20,500,20,2\n")).Added.ShouldBe(1);
        (await StoredAsync()).ShouldHaveSingleItem().VariantId.ShouldBe(seed.Published[1].Id);
    }

    [Fact]
    public async Task AnOversizedFileIsRefusedBeforeItIsRead()
    {
        var huge = "variant_id,send_date,impressions,clicks,conversions\n" + new string('x', ResultsCsv.MaxFileLength);

        var report = await ImportAsync(huge);

        report.Errors.ShouldHaveSingleItem().Message.ShouldContain("limit is 8,388,608");
    }

    [Fact]
    public async Task OnlyRolesThatRunCampaignsMayImport()
    {
        var seed = await InsightsSeed.CreateAsync(Studio);
        var csv = $"variant_id,send_date,impressions,clicks,conversions\n{seed.Published[0].Id},2026-11-20,10,1,0\n";

        (await Should.ThrowAsync<AccessDeniedException>(() => ImportAsync(csv, Pat))).Message.ShouldContain("may not import performance results");
        (await ImportAsync(csv, Bree)).Added.ShouldBe(1);
    }
}

public sealed class SqliteResultsImportTests : ResultsImportTests
{
    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync() =>
        Task.FromResult<(DatabaseProvider, string, Action?)>(TestDatabases.Sqlite());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresResultsImportTests(PostgresServer server) : ResultsImportTests
{
    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync() =>
        TestDatabases.PostgresAsync(server, nameof(PostgresResultsImportTests));
}
