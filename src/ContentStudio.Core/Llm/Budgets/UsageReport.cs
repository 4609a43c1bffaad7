using ContentStudio.Core.Data;
using ContentStudio.Core.Kernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContentStudio.Core.Llm.Budgets;

/// <summary>One UTC day's model use of one user or one brand, against its daily budget.</summary>
/// <param name="Kind">"user" or "brand".</param>
/// <param name="Budget">The daily token budget that applies (Budgets:DailyTokensPerUser / PerBrand); 0 = unlimited.</param>
public sealed record UsageLine(DateOnly Day, string Kind, string Name, int Calls, int FailedCalls, long InputTokens, long OutputTokens,
    double CostEstimate, long Budget)
{
    public long Tokens => InputTokens + OutputTokens;

    /// <summary>Share of the budget used (1 = all of it); null when unlimited.</summary>
    public double? BudgetUsed => Budget > 0 ? (double)Tokens / Budget : null;
}

/// <summary>Model use per UTC day per user and per brand, read from the usage ledger (a row per call, written by
/// <see cref="SpendLimitChatClient"/>), against the configured budgets. Read by `studio usage`. Brand managers and
/// admins may read it (<see cref="StudioPermission.ReadUsage"/>); accounts are not tied to brands, so a brand
/// manager sees every brand.</summary>
public sealed class UsageReport(IDbContextFactory<StudioDbContext> dbFactory, IOptions<BudgetOptions> options, TimeProvider clock)
{
    /// <summary>Longest span one report covers, so one request cannot read the whole ledger.</summary>
    public const int MaxDays = 92;

    /// <summary>The last <paramref name="days"/> UTC days up to today, newest first; users then brands within a day.</summary>
    public async Task<IReadOnlyList<UsageLine>> ReadAsync(StudioUser reader, int days, CancellationToken ct = default)
    {
        Access.Demand(reader, StudioPermission.ReadUsage);
        if (days < 1 || days > MaxDays)
            throw new ArgumentOutOfRangeException(nameof(days), days, $"days must be between 1 and {MaxDays}");
        var today = clock.GetUtcNow().UtcDateTime.Date;
        var since = today.AddDays(1 - days);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Bounded by the span; grouped here because SQLite cannot group on a DateTime's date in SQL.
        var rows = await db.UsageLedger.AsNoTracking().Where(e => e.AtUtc >= since)
            .Select(e => new { e.AtUtc, e.UserName, e.BrandSlug, e.InputTokens, e.OutputTokens, e.CostEstimate, e.Succeeded })
            .ToListAsync(ct);
        var o = options.Value;
        var lines = new List<UsageLine>();
        foreach (var day in rows.GroupBy(r => DateOnly.FromDateTime(r.AtUtc.Date)))
        {
            foreach (var user in day.Where(r => r.UserName.Length > 0).GroupBy(r => r.UserName).OrderBy(g => g.Key, StringComparer.Ordinal))
                lines.Add(new UsageLine(day.Key, "user", user.Key, user.Count(), user.Count(r => !r.Succeeded), user.Sum(r => r.InputTokens),
                    user.Sum(r => r.OutputTokens), user.Sum(r => r.CostEstimate), o.DailyTokensPerUser));
            foreach (var brand in day.Where(r => r.BrandSlug is { Length: > 0 }).GroupBy(r => r.BrandSlug!).OrderBy(g => g.Key, StringComparer.Ordinal))
                lines.Add(new UsageLine(day.Key, "brand", brand.Key, brand.Count(), brand.Count(r => !r.Succeeded), brand.Sum(r => r.InputTokens),
                    brand.Sum(r => r.OutputTokens), brand.Sum(r => r.CostEstimate), o.DailyTokensPerBrand));
        }
        return [.. lines.OrderByDescending(l => l.Day)];
    }
}
