using Microsoft.EntityFrameworkCore;
using ContentStudio.Core.Data;

namespace ContentStudio.Core.Generation;

internal static class RunProgressReader
{
    public static async Task<RunProgress?> ReadAsync(StudioDbContext db, Guid runId, CancellationToken ct)
    {
        var run = await db.GenerationRuns.AsNoTracking().Where(r => r.Id == runId)
            .Select(r => new { r.CampaignId, r.Status }).FirstOrDefaultAsync(ct);
        if (run is null) return null;
        var counts = await db.GenerationTasks.Where(t => t.RunId == runId)
            .GroupBy(t => t.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return RunProgress.FromCounts(runId, run.CampaignId, run.Status, counts);
    }
}
