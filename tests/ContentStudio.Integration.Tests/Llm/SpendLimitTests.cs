using ContentStudio.Core.Campaigns;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Data;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Kernel;
using ContentStudio.Core.Llm.Budgets;
using ContentStudio.Integration.Tests.Infrastructure;
using ContentStudio.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContentStudio.Integration.Tests.Llm;

/// <summary>Daily token budgets and the per-user concurrency limit: the whole studio on a real SQLite file against the
/// fake OpenAI-compatible server. "No model call" is read from the server's own record of what it was sent. Every
/// studio here shares one database file, as a restarted process or a second instance would.</summary>
[Collection(LlmTestKit.Collection)]
public sealed class SpendLimitTests : IAsyncLifetime
{
    /// <summary>The fake's usage for <see cref="LlmTestKit.GoodAd"/>: 25 prompt tokens and one per four characters of reply.</summary>
    const int TokensPerAd = 25 + 20;

    FakeOpenAiServer _server = null!;
    readonly string _folder = Path.Combine(Path.GetTempPath(), "contentstudio-budgets-" + Guid.NewGuid().ToString("N")[..10]);
    readonly List<WholeStudio> _studios = [];
    // The studio's clock (budgets and engine): late on a UTC day, so a test can cross midnight by moving it.
    readonly ManualClock _clock = new(new DateTime(2026, 12, 7, 22, 0, 0, DateTimeKind.Utc));

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _server = await FakeOpenAiServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var studio in _studios) await studio.DisposeAsync();
        await _server.DisposeAsync();
        TestConnections.Release(DatabaseProvider.Sqlite, "");
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    /// <summary>A studio process on the shared database, on the test's clock.</summary>
    async Task<WholeStudio> StartAsync(Dictionary<string, string?> overrides)
    {
        var settings = WholeStudio.AgainstModel(_server);
        settings["Database:ConnectionString"] = $"Data Source={Path.Combine(_folder, "studio.db")}";
        settings["Checks:JudgesEnabled"] = "false";
        // Instances on one database share the audit chain key, as a real deployment of several instances must.
        settings["Audit:ChainKey"] = "spend-limit-tests-one-key-for-every-instance";
        settings["Generation:WorkerConcurrency"] = "1"; // one call at a time, so which calls fit the budget is exact
        foreach (var (k, v) in overrides) settings[k] = v;
        var studio = await WholeStudio.StartAsync(settings, replace: s => s.AddSingleton<TimeProvider>(_clock));
        _studios.Add(studio);
        return studio;
    }

    /// <summary>A campaign of <paramref name="variants"/> ads for one segment of Harbor Bank, generated to the end for <paramref name="user"/>.</summary>
    static async Task<(Guid CampaignId, List<Variant> Variants, Guid RunId)> GenerateAsync(WholeStudio studio, string user, int variants)
    {
        var campaign = await studio.Get<CampaignService>().CreateAsync(new CampaignBrief
        {
            Name = "Budget", BrandSlug = "harbor-bank", Product = "Harbor High-Yield Savings", Objective = "Grow deposits",
            KeyMessages = ["Open in minutes in Harbor Mobile"], CallToAction = "Open an account",
            Channels = [ChannelKind.Ad], SegmentKeys = ["seniors"], VariantsPerSegment = variants,
        }, user);
        var run = await studio.Get<GenerationService>().StartRunAsync(campaign.Id, user);
        return (campaign.Id, await WorkAsync(studio, run.Id), run.Id);
    }

    /// <summary>Works the run until nothing is claimable now; its variants so far.</summary>
    static async Task<List<Variant>> WorkAsync(WholeStudio studio, Guid runId)
    {
        await studio.Get<GenerationEngine>().RunUntilIdleAsync(runId);
        await using var db = await studio.Get<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        return await db.Variants.AsNoTracking().Where(v => v.RunId == runId).OrderBy(v => v.VariantIndex).ToListAsync();
    }

    static async Task<List<GenerationTask>> TasksAsync(WholeStudio studio, Guid runId)
    {
        await using var db = await studio.Get<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        return await db.GenerationTasks.AsNoTracking().Where(t => t.RunId == runId).ToListAsync();
    }

    static readonly DateTime Midnight = new(2026, 12, 8, 0, 0, 0, DateTimeKind.Utc);

    static async Task<List<UsageLedgerEntry>> LedgerAsync(WholeStudio studio)
    {
        await using var db = await studio.Get<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        return await db.UsageLedger.AsNoTracking().OrderBy(e => e.AtUtc).ToListAsync();
    }

    [Fact]
    public async Task OverTheUsersBudgetARunMakesNoModelCallWaitsForTheResetAndAfterMidnightGoesOnByItself()
    {
        _server.Then(FakeReply.Text(LlmTestKit.GoodAd));
        var settings = new Dictionary<string, string?> { ["Budgets:DailyTokensPerUser"] = "100" };
        var first = await StartAsync(settings);

        // 0, 45 and 90 tokens used are below 100: three calls go out; the day's use is then 135.
        var (campaignId, spent, _) = await GenerateAsync(first, "marketer", variants: 3);
        spent.ShouldAllBe(v => v.Outcome == VariantOutcome.Ok);
        _server.Requests.Count.ShouldBe(3);
        var ledger = await LedgerAsync(first);
        ledger.Count.ShouldBe(3);
        ledger.ShouldAllBe(e => e.UserName == "marketer" && e.CampaignId == campaignId && e.BrandSlug == "harbor-bank"
            && e.Model == "fake-model" && e.InputTokens == 25 && e.OutputTokens == 20 && e.Succeeded);
        await first.DisposeAsync();
        _studios.Remove(first);

        // A restarted process reads the day's use from the database: nothing is forgotten.
        var restarted = await StartAsync(settings);
        (await restarted.Get<SpendLimits>().UsedTodayByUserAsync("marketer")).ShouldBe(3 * TokensPerAd);
        var (_, refused, runId) = await GenerateAsync(restarted, "marketer", variants: 2);
        _server.Requests.Count.ShouldBe(3, "over budget, not one request reaches the provider");
        refused.ShouldBeEmpty("a used-up budget ends no task: both wait");
        (await TasksAsync(restarted, runId)).ShouldAllBe(t => t.Status == GenerationTaskStatus.Pending && t.NotBeforeUtc == Midnight && t.Requeues == 0);
        (await LedgerAsync(restarted)).Count.ShouldBe(3, "a refused call is not a call");
        var progress = (await restarted.Get<GenerationService>().GetProgressAsync(runId))!;
        (progress.IsWaitingForBudget, progress.ProviderWaitUntilUtc, progress.Status).ShouldBe((true, (DateTime?)Midnight, RunStatus.Running));

        // Still before midnight, working again changes nothing: no call, no variant.
        _clock.Advance(TimeSpan.FromHours(1));
        (await WorkAsync(restarted, runId)).ShouldBeEmpty();
        _server.Requests.Count.ShouldBe(3);

        // Past midnight UTC yesterday's use no longer counts, and the waiting run goes on by itself.
        _clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        (await restarted.Get<SpendLimits>().UsedTodayByUserAsync("marketer")).ShouldBe(0);
        var nextDay = await WorkAsync(restarted, runId);
        nextDay.Count.ShouldBe(2);
        nextDay.ShouldAllBe(v => v.Outcome == VariantOutcome.Ok);
        _server.Requests.Count.ShouldBe(5);
        (await restarted.Get<GenerationService>().GetRunAsync(runId))!.Status.ShouldBe(RunStatus.Completed);
    }

    [Fact]
    public async Task TwoInstancesShareTheBrandBudgetWhoeverStartsTheRun()
    {
        _server.Then(FakeReply.Text(LlmTestKit.GoodAd));
        var settings = new Dictionary<string, string?> { ["Budgets:DailyTokensPerBrand"] = "40" };
        var one = await StartAsync(settings);
        var other = await StartAsync(settings); // a second instance on the same database, running at the same time

        var (_, first, _) = await GenerateAsync(one, "marketer", variants: 1); // 0 < 40: the call goes; the brand has used 45
        first.Single().Outcome.ShouldBe(VariantOutcome.Ok);

        var (_, second, runId) = await GenerateAsync(other, "another-marketer", variants: 2);
        _server.Requests.Count.ShouldBe(1);
        second.ShouldBeEmpty();
        (await TasksAsync(other, runId)).ShouldAllBe(t => t.Status == GenerationTaskStatus.Pending && t.NotBeforeUtc == Midnight);
    }

    [Fact]
    public async Task ACorrectiveTurnOverBudgetIsNotSent()
    {
        // 25 + 8 tokens, over the budget of 30 once spent, so the corrective turn that would follow the unusable reply is refused.
        _server.Then(FakeReply.Text("This is not JSON at all, sorry"));
        var studio = await StartAsync(new() { ["Budgets:DailyTokensPerUser"] = "30" });

        var (_, variants, runId) = await GenerateAsync(studio, "marketer", variants: 1);

        _server.Requests.Count.ShouldBe(1);
        variants.ShouldBeEmpty("the task waits for the budget instead of storing an unusable reply");
        (await TasksAsync(studio, runId)).Single().NotBeforeUtc.ShouldBe(Midnight);
    }

    [Fact]
    public async Task JudgesOverBudgetAreNotSentAndTheVariantSaysWhy()
    {
        _server.Then(FakeReply.Text(LlmTestKit.GoodAd));
        var studio = await StartAsync(new() { ["Budgets:DailyTokensPerUser"] = "40", ["Checks:JudgesEnabled"] = "true" });

        var (_, variants, _) = await GenerateAsync(studio, "marketer", variants: 1);

        _server.Requests.Count.ShouldBe(1, "the generation call went; neither judge call did");
        var variant = variants.Single();
        variant.Outcome.ShouldBe(VariantOutcome.Ok);
        variant.CheckReportJson.ShouldNotBeNull();
        variant.CheckReportJson.ShouldContain("judge.error");
        variant.CheckReportJson.ShouldContain("judge failed (ModelCallException: the daily token budget of user");
        variant.CheckReportJson.ShouldContain("it resets at midnight UTC (2026-12-08 00:00 UTC)");
    }

    [Fact]
    public async Task TheUsageReportShowsEachDaysUsePerUserAndBrandAgainstTheBudgetsToBrandManagersAndAdminsOnly()
    {
        _server.Then(FakeReply.Text(LlmTestKit.GoodAd));
        var studio = await StartAsync(new()
        {
            ["Budgets:DailyTokensPerUser"] = "100", ["Budgets:InputCostPerMillionTokens"] = "2", ["Budgets:OutputCostPerMillionTokens"] = "10",
        });
        await GenerateAsync(studio, "marketer", variants: 2); // 7 Dec, 22:00 UTC
        _clock.Advance(TimeSpan.FromHours(3));
        await GenerateAsync(studio, "another-marketer", variants: 1); // 8 Dec, 01:00 UTC
        var report = studio.Get<UsageReport>();

        var lines = await report.ReadAsync(People.Bree, days: 2);

        lines.Select(l => (l.Day, l.Kind, l.Name, l.Calls, l.FailedCalls, l.InputTokens, l.OutputTokens, l.Budget)).ShouldBe(
        [
            (new DateOnly(2026, 12, 8), "user", "another-marketer", 1, 0, 25L, 20L, 100L),
            (new DateOnly(2026, 12, 8), "brand", "harbor-bank", 1, 0, 25L, 20L, 0L),
            (new DateOnly(2026, 12, 7), "user", "marketer", 2, 0, 50L, 40L, 100L),
            (new DateOnly(2026, 12, 7), "brand", "harbor-bank", 2, 0, 50L, 40L, 0L),
        ]);
        lines[2].BudgetUsed.ShouldBe(0.9);
        lines[1].BudgetUsed.ShouldBeNull(); // no brand budget set: unlimited
        lines[2].CostEstimate.ShouldBe(2 * (25 * 2 + 20 * 10) / 1_000_000.0, 1e-12);
        (await report.ReadAsync(People.Ada, days: 1)).ShouldAllBe(l => l.Day == new DateOnly(2026, 12, 8)); // today only

        await Should.ThrowAsync<AccessDeniedException>(() => report.ReadAsync(People.Maria, days: 2)); // a marketer may not
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => report.ReadAsync(People.Ada, days: UsageReport.MaxDays + 1));
    }

    [Fact]
    public async Task OneUsersCallsInFlightStayWithinTheirLimit()
    {
        _server.Then(FakeReply.Text(LlmTestKit.GoodAd, TimeSpan.FromMilliseconds(200)));
        var studio = await StartAsync(new()
        {
            ["Budgets:MaxConcurrentCallsPerUser"] = "2", ["Llm:MaxConcurrency"] = "8", ["Generation:WorkerConcurrency"] = "8",
        });

        var (_, variants, _) = await GenerateAsync(studio, "marketer", variants: 10);

        variants.Count(v => v.Outcome == VariantOutcome.Ok).ShouldBe(10);
        _server.PeakConcurrency.ShouldBe(2, "eight workers had work; the user's limit let two calls out at a time");
    }
}
