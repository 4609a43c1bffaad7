using Microsoft.EntityFrameworkCore;
using ContentStudio.Core.Data;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Generation;

/// <summary>Why a run exists: the campaign's first generation, a "Generate again", or a reviewer's "Request changes"
/// rewriting one variant.</summary>
public enum RunKind { Initial, Again, Revision }

/// <summary>One run as the campaign page lists it: who started it, when and why, and what came of it, counted the same
/// way everywhere (tasks written, failed or cancelled; written variants by gate lane, as the queue counts them).</summary>
public sealed record RunSummary(
    Guid RunId, Guid CampaignId, RunKind Kind, string CreatedBy, DateTime CreatedUtc, RunStatus Status,
    int Total, int Written, int Failed, int Cancelled, int Unfinished, LaneCounts Lanes,
    string? Feedback = null, Guid? RevisionOf = null)
{
    public bool IsOver => Status is RunStatus.Completed or RunStatus.Cancelled;

    public static string KindLabel(RunKind kind) => kind switch
    {
        RunKind.Initial => "First generation",
        RunKind.Again => "Generate again",
        _ => "Request changes",
    };
}

/// <summary>The runs of campaigns, newest first, in a fixed number of queries whatever the number of runs.</summary>
public sealed class RunHistory(IDbContextFactory<StudioDbContext> dbFactory)
{
    public async Task<IReadOnlyList<RunSummary>> ForCampaignAsync(Guid campaignId, CancellationToken ct = default) =>
        await ForCampaignsAsync([campaignId], ct);

    /// <summary>Each campaign's newest run (campaigns never generated are missing).</summary>
    public async Task<IReadOnlyDictionary<Guid, RunSummary>> LatestAsync(IReadOnlyCollection<Guid> campaignIds, CancellationToken ct = default) =>
        (await ForCampaignsAsync(campaignIds, ct)).GroupBy(r => r.CampaignId).ToDictionary(g => g.Key, g => g.First());

    private async Task<IReadOnlyList<RunSummary>> ForCampaignsAsync(IReadOnlyCollection<Guid> campaignIds, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var runs = await db.GenerationRuns.AsNoTracking().Where(r => campaignIds.Contains(r.CampaignId))
            .Select(r => new { r.Id, r.CampaignId, r.CreatedBy, r.CreatedUtc, r.Status, r.TotalTasks }).ToListAsync(ct);
        if (runs.Count == 0) return [];
        var runIds = runs.Select(r => r.Id).ToList();
        var tasks = (await db.GenerationTasks.AsNoTracking().Where(t => runIds.Contains(t.RunId))
                .GroupBy(t => new { t.RunId, t.Status }).Select(g => new { g.Key.RunId, g.Key.Status, Count = g.Count() }).ToListAsync(ct))
            .ToLookup(t => t.RunId);
        var lanes = (await db.Variants.AsNoTracking().Where(v => runIds.Contains(v.RunId))
                .GroupBy(v => new { v.RunId, v.Outcome, v.CheckGate }).Select(g => new { g.Key.RunId, g.Key.Outcome, g.Key.CheckGate, Count = g.Count() })
                .ToListAsync(ct))
            .ToLookup(v => v.RunId);
        var revisions = (await db.GenerationTasks.AsNoTracking().Where(t => runIds.Contains(t.RunId) && t.ParentVariantId != null)
                .Select(t => new { t.RunId, t.Feedback, t.ParentVariantId }).ToListAsync(ct))
            .ToDictionary(t => t.RunId);

        var firstGeneration = runs.Where(r => !revisions.ContainsKey(r.Id)).GroupBy(r => r.CampaignId)
            .Select(g => g.MinBy(r => (r.CreatedUtc, r.Id))!.Id).ToHashSet();
        return runs.OrderByDescending(r => r.CreatedUtc).ThenByDescending(r => r.Id).Select(r =>
        {
            int Count(GenerationTaskStatus s) => tasks[r.Id].Where(t => t.Status == s).Sum(t => t.Count);
            var revision = revisions.GetValueOrDefault(r.Id);
            var kind = revision is not null ? RunKind.Revision : firstGeneration.Contains(r.Id) ? RunKind.Initial : RunKind.Again;
            return new RunSummary(r.Id, r.CampaignId, kind, r.CreatedBy, r.CreatedUtc, r.Status, r.TotalTasks,
                Count(GenerationTaskStatus.Done), Count(GenerationTaskStatus.NeedsAttention), Count(GenerationTaskStatus.Cancelled),
                Count(GenerationTaskStatus.Pending) + Count(GenerationTaskStatus.Claimed),
                LaneCounts.From(lanes[r.Id].Select(l => (l.Outcome, l.CheckGate, l.Count))), revision?.Feedback, revision?.ParentVariantId);
        }).ToList();
    }
}
