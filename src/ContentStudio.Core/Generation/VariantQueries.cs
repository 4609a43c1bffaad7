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
    Gate? Gate = null, int? Score = null, CheckReport? Report = null, IReadOnlyList<Finding>? CampaignFindings = null)
{
    /// <summary>Item and campaign findings together, for highlighting.</summary>
    public IReadOnlyList<Finding> AllFindings => [.. Report?.Findings ?? [], .. CampaignFindings ?? []];

    public static VariantView From(Variant v) => new(v.Id, v.TaskId, v.RunId, v.SegmentKey, v.Channel, v.VariantIndex,
        v.Fields, v.Outcome, v.Problem, v.RawOutput, v.ReviewState, v.ContentHash, v.Provenance, v.CreatedUtc,
        v.CheckGate, v.CheckScore, StoredReports.Deserialize(v.CheckReportJson), StoredReports.DeserializeFindings(v.CampaignFindingsJson));
}

/// <summary>One segment × channel cell: its variants in index order, and how many are still being written.</summary>
public sealed record GridCell(string SegmentKey, ChannelKind Channel, IReadOnlyList<VariantView> Variants, int Unfinished);

/// <summary>The campaign's output laid out as the brief asked for it (segments as rows, channels as columns).</summary>
public sealed record VariantGrid(Guid CampaignId, Guid? RunId, IReadOnlyList<string> SegmentKeys,
    IReadOnlyList<ChannelKind> Channels, IReadOnlyList<GridCell> Cells)
{
    public GridCell Cell(string segmentKey, ChannelKind channel) =>
        Cells.First(c => c.SegmentKey == segmentKey && c.Channel == channel);
}

/// <summary>Read-only queries for the pages; each opens its own short-lived context.</summary>
public sealed class VariantQueries(IDbContextFactory<StudioDbContext> dbFactory)
{
    /// <summary>The grid of <paramref name="runId"/>, or of the campaign's newest run when null (empty cells when
    /// the campaign has no run yet). Null when the campaign does not exist.</summary>
    public async Task<VariantGrid?> GridAsync(Guid campaignId, Guid? runId = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, ct);
        if (campaign is null) return null;
        if (runId is null)
        {
            var runs = await db.GenerationRuns.AsNoTracking().Where(r => r.CampaignId == campaignId)
                .Select(r => new { r.Id, r.CreatedUtc }).ToListAsync(ct);
            runId = runs.MaxBy(r => r.CreatedUtc)?.Id;
        }
        var variants = runId is { } id
            ? await db.Variants.AsNoTracking().Where(v => v.RunId == id).ToListAsync(ct)
            : [];
        var unfinished = runId is { } rid
            ? await db.GenerationTasks.Where(t => t.RunId == rid &&
                    (t.Status == GenerationTaskStatus.Pending || t.Status == GenerationTaskStatus.Claimed))
                .Select(t => new { t.SegmentKey, t.Channel }).ToListAsync(ct)
            : [];

        var brief = campaign.Brief;
        var cells = (from segment in brief.SegmentKeys
                     from channel in brief.Channels
                     select new GridCell(segment, channel,
                         variants.Where(v => v.SegmentKey == segment && v.Channel == channel)
                             .OrderBy(v => v.VariantIndex).Select(VariantView.From).ToList(),
                         unfinished.Count(t => t.SegmentKey == segment && t.Channel == channel))).ToList();
        return new VariantGrid(campaignId, runId, brief.SegmentKeys, brief.Channels, cells);
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
