using ContentStudio.Core.Data;
using ContentStudio.Core.Kernel;
using ContentStudio.Core.Review;
using Microsoft.EntityFrameworkCore;

namespace ContentStudio.Core.Insights.Governance;

/// <summary>Computes a <see cref="GovernanceReport"/> with aggregate queries: counts are GROUP BY in the database, and
/// the cycle-time percentiles are read as single rows at their rank (ORDER BY … LIMIT 1 OFFSET k) from a grouped
/// subquery, so no variant or decision row is loaded into memory whatever the period. The seconds between two stored
/// UTC times are the one provider-specific expression (julianday on SQLite, EXTRACT(EPOCH …) on PostgreSQL).</summary>
public sealed class GovernanceAnalytics(IDbContextFactory<StudioDbContext> dbFactory)
{
    /// <summary>Decisions that end a review round: the time to the first of them is the review cycle.</summary>
    private static readonly ReviewAction[] Verdicts = [ReviewAction.Approve, ReviewAction.OverrideApprove, ReviewAction.Reject, ReviewAction.RequestChanges];

    public async Task<GovernanceReport> ForPeriodAsync(string? brand, DateTime fromUtc, DateTime toUtc, StudioUser user, CancellationToken ct = default)
    {
        Access.Demand(user, StudioPermission.ReadInsights);
        if (toUtc <= fromUtc) throw new ArgumentException($"the period is empty: 'to' ({toUtc:yyyy-MM-dd}) must be after 'from' ({fromUtc:yyyy-MM-dd})");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var variants =
            from v in db.Variants
            join c in db.Campaigns on v.CampaignId equals c.Id
            where v.CreatedUtc >= fromUtc && v.CreatedUtc < toUtc && (brand == null || c.BrandSlug == brand)
            select v;
        var gates = await variants.GroupBy(v => v.CheckGate).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var states = await variants.GroupBy(v => v.ReviewState).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var decisions = await (
                from d in db.ReviewDecisions
                join v in db.Variants on d.VariantId equals v.Id
                join c in db.Campaigns on v.CampaignId equals c.Id
                where d.AtUtc >= fromUtc && d.AtUtc < toUtc && (brand == null || c.BrandSlug == brand)
                group d by d.Action into g
                select new { g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var (decided, median, p90) = await CycleTimesAsync(db, brand, fromUtc, toUtc, ct);
        return new GovernanceReport(brand, fromUtc, toUtc, gates.Sum(g => g.Count),
            gates.OrderBy(g => g.Key).ToDictionary(g => g.Key?.ToString() ?? "NotChecked", g => g.Count),
            states.OrderBy(s => s.Key).ToDictionary(s => s.Key.ToString(), s => s.Count),
            decisions.OrderBy(d => d.Key).ToDictionary(d => d.Key.ToString(), d => d.Count),
            decisions.Where(d => d.Key == ReviewAction.OverrideApprove).Sum(d => d.Count), decided, median, p90);
    }

    /// <summary>Variants generated in the period that have a verdict: how many, and the nearest-rank median and 90th
    /// percentile (the value at rank ⌈q·N⌉) of the hours from generation to their first verdict.</summary>
    private static async Task<(int Count, double? Median, double? P90)> CycleTimesAsync(StudioDbContext db, string? brand, DateTime from, DateTime to,
        CancellationToken ct)
    {
        var sqlite = db.Database.IsSqlite();
        var seconds = sqlite
            ? """(julianday(MIN(d."AtUtc")) - julianday(v."CreatedUtc")) * 86400.0"""
            : """EXTRACT(EPOCH FROM (MIN(d."AtUtc") - v."CreatedUtc"))::double precision""";
        var verdicts = string.Join(", ", Verdicts.Select(a => $"'{a}'"));
        // Parameters by position: {0} from, {1} to, {2} brand (the clause only when a brand is chosen: PostgreSQL cannot type
        // a parameter that is only ever compared with NULL).
        var brandClause = brand is null ? "" : """ AND c."BrandSlug" = {2}""";
        var cycles = $$"""
            SELECT {{seconds}} AS "Value"
            FROM "ReviewDecisions" d
            JOIN "Variants" v ON v."Id" = d."VariantId"
            JOIN "Campaigns" c ON c."Id" = v."CampaignId"
            WHERE d."Action" IN ({{verdicts}}) AND v."CreatedUtc" >= {0} AND v."CreatedUtc" < {1}{{brandClause}}
            GROUP BY v."Id", v."CreatedUtc"
            """;
        object[] args = brand is null ? [from, to] : [from, to, brand];
        // Only constants and an int offset are spliced into the text; the period and the brand are parameters.
        var countSql = $"""SELECT CAST(COUNT(*) AS INTEGER) AS "Value" FROM ({cycles}) x""";
        var count = await db.Database.SqlQueryRaw<int>(countSql, args).SingleAsync(ct);
        if (count == 0) return (0, null, null);
        async Task<double> AtRankAsync(double q)
        {
            var offset = (int)Math.Ceiling(q * count) - 1;
            var rankSql = $"""SELECT x."Value" FROM ({cycles}) x ORDER BY x."Value" LIMIT 1 OFFSET {offset}""";
            var value = await db.Database.SqlQueryRaw<double>(rankSql, args).SingleAsync(ct);
            return value / 3600;
        }
        return (count, await AtRankAsync(0.5), await AtRankAsync(0.9));
    }
}
