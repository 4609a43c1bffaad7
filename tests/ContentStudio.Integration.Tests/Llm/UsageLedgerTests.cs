using ContentStudio.Core.Configuration;
using ContentStudio.Core.Data;
using ContentStudio.Core.Llm.Budgets;
using ContentStudio.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContentStudio.Integration.Tests.Llm;

/// <summary>The ledger and the budget sums on both databases: what <see cref="SpendLimits"/> reads at every model call.</summary>
public abstract class UsageLedgerTests : StudioTests
{
    SpendLimits Limits(BudgetOptions o) => new(Studio.Get<IDbContextFactory<StudioDbContext>>(), Options.Create(o), Studio.Clock);

    static UsageLedgerEntry Call(string user, string brand, long input, long output) =>
        new() { UserName = user, BrandSlug = brand, CampaignId = Guid.NewGuid(), Provider = "OpenAI", Model = "m", InputTokens = input, OutputTokens = output, Succeeded = true };

    [Fact]
    public async Task TodaysUseIsSummedPerUserAndPerBrandAndTheRefusalNamesTheBudgetAndTheReset()
    {
        var limits = Limits(new BudgetOptions
        {
            DailyTokensPerUser = 1_000, DailyTokensPerBrand = 5_000, InputCostPerMillionTokens = 2, OutputCostPerMillionTokens = 8,
        });
        // The test clock starts at 2026-11-29 09:00 UTC.
        await limits.RecordAsync(Call("ann", "lumen", 300, 200));
        await limits.RecordAsync(Call("bob", "lumen", 4_000, 400));
        await limits.RecordAsync(Call("ann", "other", 100, 50));

        (await limits.UsedTodayByUserAsync("ann")).ShouldBe(650);
        (await limits.UsedTodayByBrandAsync("lumen")).ShouldBe(4_900);
        (await limits.RefusalAsync(new LlmCaller("ann", null, "lumen"), default)).ShouldBeNull();
        (await limits.RefusalAsync(new LlmCaller("bob", null, "other"), default))
            .ShouldBe("the daily token budget of user 'bob' is used up (4,400 of 1,000 tokens since 00:00 UTC, Budgets:DailyTokensPerUser); " +
                "it resets at midnight UTC (2026-11-30 00:00 UTC)");
        await limits.RecordAsync(Call("cy", "lumen", 100, 0));
        (await limits.RefusalAsync(new LlmCaller("ann", null, "lumen"), default))
            .ShouldBe("the daily token budget of brand 'lumen' is used up (5,000 of 5,000 tokens since 00:00 UTC, Budgets:DailyTokensPerBrand); " +
                "it resets at midnight UTC (2026-11-30 00:00 UTC)");

        await using (var db = Studio.Db())
            (await db.UsageLedger.SingleAsync(e => e.UserName == "bob")).CostEstimate.ShouldBe((4_000 * 2 + 400 * 8) / 1_000_000.0, 1e-12);

        Studio.Clock.Advance(TimeSpan.FromHours(15)); // 2026-11-30 00:00 UTC: a new budget day
        (await limits.UsedTodayByUserAsync("bob")).ShouldBe(0);
        (await limits.RefusalAsync(new LlmCaller("bob", null, "lumen"), default)).ShouldBeNull();
    }

    [Fact]
    public async Task ZeroMeansUnlimited()
    {
        var limits = Limits(new BudgetOptions());
        await limits.RecordAsync(Call("ann", "lumen", 10_000_000, 10_000_000));
        (await limits.RefusalAsync(new LlmCaller("ann", null, "lumen"), default)).ShouldBeNull();
        (await limits.TakeUserSlotAsync(new LlmCaller("ann"), default)).ShouldBeNull();
    }
}

public sealed class SqliteUsageLedgerTests : UsageLedgerTests
{
    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync() =>
        Task.FromResult<(DatabaseProvider, string, Action?)>(TestDatabases.Sqlite());
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresUsageLedgerTests(PostgresServer server) : UsageLedgerTests
{
    protected override Task<(DatabaseProvider, string, Action?)> CreateDatabaseAsync() =>
        TestDatabases.PostgresAsync(server, nameof(PostgresUsageLedgerTests));
}
