using ContentStudio.Core.Checks;
using ContentStudio.Core.Data;
using ContentStudio.Core.Kernel;
using Microsoft.EntityFrameworkCore;

namespace ContentStudio.Core.Campaigns.Export;

/// <summary>Every variant of every run of one campaign, in every review state, for reading outside the studio
/// (`studio variants export`). Unlike publishing's export (approved copy only, as files for a channel), this is the
/// whole output with its checks and provenance. Anyone who may work the review queue may read it.</summary>
public sealed class VariantExporter(IDbContextFactory<StudioDbContext> dbFactory)
{
    /// <summary>The rows in a stable order: run, segment, channel, variant number. Throws
    /// <see cref="ArgumentException"/> naming the campaign when it does not exist.</summary>
    public async Task<IReadOnlyList<VariantExportRow>> RowsAsync(Guid campaignId, StudioUser user, CancellationToken ct = default)
    {
        Access.Demand(user, StudioPermission.WorkQueue);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId)
            .Select(c => new { c.Name, c.BrandSlug }).FirstOrDefaultAsync(ct)
            ?? throw new ArgumentException($"There is no campaign with the id {campaignId}: `studio variants export` needs the id the campaign page or `studio generate` shows.");
        var runs = await db.GenerationRuns.AsNoTracking().Where(r => r.CampaignId == campaignId)
            .Select(r => new { r.Id, r.CreatedUtc }).ToDictionaryAsync(r => r.Id, r => r.CreatedUtc, ct);
        var variants = await db.Variants.AsNoTracking().Where(v => v.CampaignId == campaignId).ToListAsync(ct);
        return variants
            .OrderBy(v => runs.GetValueOrDefault(v.RunId)).ThenBy(v => v.RunId)
            .ThenBy(v => v.SegmentKey, StringComparer.Ordinal).ThenBy(v => v.Channel).ThenBy(v => v.VariantIndex)
            .Select(v => Row(v, campaignId, campaign.Name, campaign.BrandSlug)).ToList();
    }

    private static VariantExportRow Row(Variant v, Guid campaignId, string name, string brand)
    {
        var report = StoredReports.Deserialize(v.CheckReportJson);
        return new VariantExportRow(campaignId, name, brand, v.RunId, v.Id, v.SegmentKey, v.Channel.ToString(), v.VariantIndex,
            v.CreatedUtc, v.Outcome.ToString(), v.Problem, v.ReviewState.ToString(), v.CheckGate?.ToString(), v.CheckScore,
            v.Fields, [.. (report?.Findings ?? []).Select(ExportedFinding.Of)],
            [.. StoredReports.DeserializeFindings(v.CampaignFindingsJson).Select(ExportedFinding.Of)], v.Provenance);
    }
}
