using ContentStudio.Core.Brands;
using ContentStudio.Core.Data;
using ContentStudio.Core.Review;
using ContentStudio.Core.Segments;
using Microsoft.EntityFrameworkCore;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Checks.Hooks;

/// <summary>Re-runs the item checks (judges included when a real model is configured) on an edited variant's new
/// fields: its gate, score and report always describe the content as it is now. Campaign findings from the run stay
/// until the next run and still count toward the gate; their spans are looked up in the new text
/// (<see cref="CampaignFindingSpans"/>), so no highlight points at where the words used to be.</summary>
public sealed class RecheckOnEdit(CheckPipelineFactory factory, IBrandCatalog brands, SegmentStore segments,
    IDbContextFactory<StudioDbContext> dbFactory) : IVariantEditHook
{
    public async Task<Action<Variant>> PrepareAsync(Variant current, IReadOnlyDictionary<string, string> newFields, CancellationToken cancellationToken)
    {
        string? slug;
        Campaigns.CampaignBrief? brief;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var campaign = await db.Campaigns.Where(c => c.Id == current.CampaignId).Select(c => new { c.BrandSlug, c.Brief }).FirstOrDefaultAsync(cancellationToken);
            (slug, brief) = (campaign?.BrandSlug, campaign?.Brief);
        }
        var brand = slug is null ? null : brands.Find(slug);
        var segment = slug is null ? null : await segments.GetAsync(slug, current.SegmentKey, cancellationToken);
        var report = await factory.ForBrand(brand).RunAsync(new VariantContent(current.Channel, newFields) { Segment = segment, Brief = brief }, cancellationToken);
        return variant =>
        {
            var campaignFindings = CampaignFindingSpans.AfterEdit(StoredReports.DeserializeFindings(variant.CampaignFindingsJson), newFields);
            if (campaignFindings.Count > 0) variant.CampaignFindingsJson = StoredReports.SerializeFindings(campaignFindings);
            variant.CheckGate = CampaignCheckHandler.Worst(report.Gate, campaignFindings);
            variant.CheckScore = report.Score;
            variant.CheckReportJson = StoredReports.Serialize(report);
        };
    }
}
