using ContentStudio.Core.Checks;
using Microsoft.EntityFrameworkCore;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Data;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Generation;

/// <summary>A variant as the UI shows it.</summary>
public sealed record VariantView(
    Guid Id, Guid TaskId, Guid RunId, string SegmentKey, ChannelKind Channel, int VariantIndex,
    IReadOnlyDictionary<string, string> Fields, VariantOutcome Outcome, string? Problem, string RawOutput,
    ReviewState ReviewState, string ContentHash, VariantProvenance Provenance, DateTime CreatedUtc,
    Gate? Gate = null, int? Score = null, CheckReport? Report = null, IReadOnlyList<Finding>? CampaignFindings = null,
    VariantLineage? Lineage = null)
{
    /// <summary>Item and campaign findings together, for highlighting.</summary>
    public IReadOnlyList<Finding> AllFindings => [.. Report?.Findings ?? [], .. CampaignFindings ?? []];

    public static VariantView From(Variant v) => new(v.Id, v.TaskId, v.RunId, v.SegmentKey, v.Channel, v.VariantIndex,
        v.Fields, v.Outcome, v.Problem, v.RawOutput, v.ReviewState, v.ContentHash, v.Provenance, v.CreatedUtc,
        v.CheckGate, v.CheckScore, StoredReports.Deserialize(v.CheckReportJson), StoredReports.DeserializeFindings(v.CampaignFindingsJson));
}

/// <summary>Where a variant comes from and what replaced it: a rewrite made on a reviewer's "Request changes" points to
/// the variant it rewrites and the feedback it was written with; the original points to its rewrite (it is superseded).</summary>
public sealed record VariantLineage(Guid? RevisionOf, string? Feedback, Guid? SupersededBy)
{
    public static VariantLineage None { get; } = new(null, null, null);
}

/// <summary>One segment × channel cell: its variants in index order, and how many are still being written.</summary>
public sealed record GridCell(string SegmentKey, ChannelKind Channel, IReadOnlyList<VariantView> Variants, int Unfinished)
{
    /// <summary>The cell's quality for the heatmap: its current variants by lane, counted as the queue and every summary
    /// count them (<see cref="Kernel.Lanes.Of"/>). A superseded variant (its rewrite is in the cell) is not counted twice.</summary>
    public LaneCounts Lanes => LaneCounts.From(Current.Select(v => (v.Outcome, v.Gate, 1)));

    /// <summary>The variants no rewrite has replaced.</summary>
    public IEnumerable<VariantView> Current => Variants.Where(v => v.Lineage?.SupersededBy is null);
}

/// <summary>The campaign's output laid out as the brief asked for it (segments as rows, channels as columns): every
/// run's variants (<see cref="RunId"/> null), or one run's.</summary>
public sealed record VariantGrid(Guid CampaignId, Guid? RunId, IReadOnlyList<string> SegmentKeys,
    IReadOnlyList<ChannelKind> Channels, IReadOnlyList<GridCell> Cells)
{
    public GridCell Cell(string segmentKey, ChannelKind channel) =>
        Cells.First(c => c.SegmentKey == segmentKey && c.Channel == channel);

    /// <summary>Every cell's current variants by lane, added up.</summary>
    public LaneCounts Lanes => Cells.Aggregate(LaneCounts.None, (sum, c) => sum + c.Lanes);
}

/// <summary>Read-only queries for the pages; each opens its own short-lived context.</summary>
public sealed class VariantQueries(IDbContextFactory<StudioDbContext> dbFactory)
{
    /// <summary>The campaign's grid: every variant of every run when <paramref name="runId"/> is null (a campaign is all
    /// its runs: a "Generate again" or a rewrite never hides the earlier copy), else one run's. Each cell lists its
    /// variants oldest run first, each with its lineage; Unfinished counts what the shown runs are still writing.</summary>
    public async Task<VariantGrid?> GridAsync(Guid campaignId, Guid? runId = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, ct);
        if (campaign is null) return null;
        var campaignRuns = await db.GenerationRuns.AsNoTracking().Where(r => r.CampaignId == campaignId).Select(r => r.Id).ToListAsync(ct);
        List<Guid> shownRuns = runId is { } one ? [one] : campaignRuns;
        var variants = await db.Variants.AsNoTracking().Where(v => shownRuns.Contains(v.RunId)).ToListAsync(ct);
        var unfinished = await db.GenerationTasks.AsNoTracking().Where(t => shownRuns.Contains(t.RunId) &&
                (t.Status == GenerationTaskStatus.Pending || t.Status == GenerationTaskStatus.Claimed))
            .Select(t => new { t.SegmentKey, t.Channel }).ToListAsync(ct);
        var lineage = await LineageAsync(db, campaignRuns, ct);

        var brief = campaign.Brief;
        var cells = (from segment in brief.SegmentKeys
                     from channel in brief.Channels
                     select new GridCell(segment, channel,
                         variants.Where(v => v.SegmentKey == segment && v.Channel == channel)
                             .OrderBy(v => v.CreatedUtc).ThenBy(v => v.VariantIndex)
                             .Select(v => VariantView.From(v) with { Lineage = lineage(v) }).ToList(),
                         unfinished.Count(t => t.SegmentKey == segment && t.Channel == channel))).ToList();
        return new VariantGrid(campaignId, runId, brief.SegmentKeys, brief.Channels, cells);
    }

    /// <summary>Reads the campaign's rewrites once (tasks with a parent variant, and the variants they wrote) and
    /// answers each variant's lineage from them.</summary>
    private static async Task<Func<Variant, VariantLineage?>> LineageAsync(StudioDbContext db, List<Guid> campaignRuns, CancellationToken ct)
    {
        var rewrites = await db.GenerationTasks.AsNoTracking().Where(t => campaignRuns.Contains(t.RunId) && t.ParentVariantId != null)
            .Select(t => new { TaskId = t.Id, Parent = t.ParentVariantId!.Value, t.Feedback }).ToListAsync(ct);
        if (rewrites.Count == 0) return _ => null;
        var taskIds = rewrites.Select(r => r.TaskId).ToList();
        var written = await db.Variants.AsNoTracking().Where(v => taskIds.Contains(v.TaskId)).Select(v => new { v.Id, v.TaskId }).ToListAsync(ct);
        var byTask = rewrites.ToDictionary(r => r.TaskId);
        var rewriteOf = written.ToLookup(w => byTask[w.TaskId].Parent, w => w.Id);
        return v =>
        {
            var revision = byTask.GetValueOrDefault(v.TaskId);
            var supersededBy = rewriteOf[v.Id].Cast<Guid?>().LastOrDefault();
            return revision is null && supersededBy is null ? null : new VariantLineage(revision?.Parent, revision?.Feedback, supersededBy);
        };
    }

    /// <summary>The grid of one run (its campaign looked up).</summary>
    public async Task<VariantGrid?> GridForRunAsync(Guid runId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var campaignId = await db.GenerationRuns.Where(r => r.Id == runId).Select(r => (Guid?)r.CampaignId).FirstOrDefaultAsync(ct);
        return campaignId is { } id ? await GridAsync(id, runId, ct) : null;
    }

    public async Task<VariantView?> GetVariantAsync(Guid variantId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var v = await db.Variants.AsNoTracking().FirstOrDefaultAsync(x => x.Id == variantId, ct);
        return v is null ? null : VariantView.From(v);
    }
}
