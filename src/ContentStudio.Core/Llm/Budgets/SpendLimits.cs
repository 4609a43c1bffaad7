using System.Collections.Concurrent;
using System.Globalization;
using ContentStudio.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ContentStudio.Core.Llm.Budgets;

/// <summary>The daily token budgets and the per-user concurrency limit, and the ledger they are counted from. A budget
/// day is a UTC day: use since the last UTC midnight counts, and it resets at the next. The figures are read from the
/// database at every call, so a restart forgets nothing and every instance on the same database enforces the same
/// budget. A call starts only while the day's use is below the budget, so calls already in flight when it is reached may
/// pass it by their own size (at most Llm:MaxConcurrency calls, each bounded by its output-token cap).</summary>
public sealed class SpendLimits(IDbContextFactory<StudioDbContext> dbFactory, IOptions<BudgetOptions> options, TimeProvider? time = null,
    ILogger<SpendLimits>? logger = null)
{
    readonly TimeProvider _time = time ?? TimeProvider.System;
    readonly ILogger _logger = logger ?? NullLogger<SpendLimits>.Instance;
    readonly ConcurrentDictionary<string, SemaphoreSlim> _userSlots = new(StringComparer.Ordinal);

    public BudgetOptions Options => options.Value;

    /// <summary>The start of the budget day now running (the last UTC midnight).</summary>
    public DateTime DayStartUtc => _time.GetUtcNow().UtcDateTime.Date;

    /// <summary>When today's budgets reset: the next UTC midnight.</summary>
    public DateTime NextResetUtc => ResetAfter(_time.GetUtcNow().UtcDateTime);

    /// <summary>When the budget day running at <paramref name="utc"/> ends: the next UTC midnight.</summary>
    public static DateTime ResetAfter(DateTime utc) => utc.Date.AddDays(1);

    /// <summary>Whether a task's NotBeforeUtc is a budget reset (a UTC midnight). Tasks put back for the provider's weather
    /// never wait until exactly a midnight (<see cref="Generation.TransientRequeue"/> moves such a wait by a tick), so a
    /// run can say which of the two it waits for without a column of its own.</summary>
    public static bool IsReset(DateTime utc) => utc.TimeOfDay == TimeSpan.Zero;

    /// <summary>Waits for one of the caller's call slots (Budgets:MaxConcurrentCallsPerUser); null when unlimited or
    /// nobody is calling. Dispose the slot when the call ends.</summary>
    public async ValueTask<IDisposable?> TakeUserSlotAsync(LlmCaller? caller, CancellationToken ct)
    {
        var limit = options.Value.MaxConcurrentCallsPerUser;
        if (limit <= 0 || caller is null || caller.User.Length == 0) return null;
        var slots = _userSlots.GetOrAdd(caller.User, _ => new SemaphoreSlim(limit, limit));
        await slots.WaitAsync(ct).ConfigureAwait(false);
        return new UserSlot(slots);
    }

    /// <summary>Why <paramref name="caller"/> may not call the model now (which budget, how much is used, when it
    /// resets), or null when it may.</summary>
    public async Task<string?> RefusalAsync(LlmCaller? caller, CancellationToken ct)
    {
        if (caller is null) return null;
        var o = options.Value;
        var since = DayStartUtc;
        if (o.DailyTokensPerUser > 0 && caller.User.Length > 0)
        {
            var used = await UsedAsync(e => e.UserName == caller.User, since, ct).ConfigureAwait(false);
            if (used >= o.DailyTokensPerUser) return Refusal($"user '{caller.User}'", "Budgets:DailyTokensPerUser", o.DailyTokensPerUser, used);
        }
        if (o.DailyTokensPerBrand > 0 && caller.BrandSlug is { Length: > 0 } brand)
        {
            var used = await UsedAsync(e => e.BrandSlug == brand, since, ct).ConfigureAwait(false);
            if (used >= o.DailyTokensPerBrand) return Refusal($"brand '{brand}'", "Budgets:DailyTokensPerBrand", o.DailyTokensPerBrand, used);
        }
        return null;
    }

    /// <summary>Tokens (input + output) the user's calls have used since the last UTC midnight.</summary>
    public Task<long> UsedTodayByUserAsync(string user, CancellationToken ct = default) => UsedAsync(e => e.UserName == user, DayStartUtc, ct);

    /// <summary>Tokens (input + output) the calls for the brand's campaigns have used since the last UTC midnight.</summary>
    public Task<long> UsedTodayByBrandAsync(string brandSlug, CancellationToken ct = default) => UsedAsync(e => e.BrandSlug == brandSlug, DayStartUtc, ct);

    /// <summary>Adds one call to the ledger, stamped now on the budgets' clock. A ledger that cannot be written is
    /// logged, never the call's failure: the tokens are spent either way.</summary>
    public async Task RecordAsync(UsageLedgerEntry entry)
    {
        entry.AtUtc = _time.GetUtcNow().UtcDateTime;
        entry.CostEstimate = options.Value.EstimateCost(entry.InputTokens, entry.OutputTokens);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync().ConfigureAwait(false);
            db.UsageLedger.Add(entry);
            await db.SaveChangesAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Could not record model usage ({Input} + {Output} tokens for user {User}); today's budget figures miss it",
                entry.InputTokens, entry.OutputTokens, entry.UserName);
        }
    }

    async Task<long> UsedAsync(System.Linq.Expressions.Expression<Func<UsageLedgerEntry, bool>> whose, DateTime since, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await db.UsageLedger.AsNoTracking().Where(whose).Where(e => e.AtUtc >= since)
            .SumAsync(e => e.InputTokens + e.OutputTokens, ct).ConfigureAwait(false);
    }

    string Refusal(string whose, string setting, long budget, long used) =>
        $"the daily token budget of {whose} is used up ({used.ToString("N0", CultureInfo.InvariantCulture)} of " +
        $"{budget.ToString("N0", CultureInfo.InvariantCulture)} tokens since 00:00 UTC, {setting}); it resets at midnight UTC " +
        $"({NextResetUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC)";

    sealed class UserSlot(SemaphoreSlim slots) : IDisposable
    {
        int _released;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) slots.Release();
        }
    }
}
