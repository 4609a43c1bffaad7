using ContentStudio.Core.Brands;
using ContentStudio.Core.Data;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Review;
using Microsoft.EntityFrameworkCore;

namespace ContentStudio.Core.Checks.Hooks;

/// <summary>Re-runs the item checks on an edited variant: its gate, score and report always describe the content
/// as it is now. Campaign findings from the run stay as they were until the next run and still count toward the gate.</summary>
public sealed class RecheckOnEdit(CheckPipelineFactory factory, IBrandCatalog brands) : IVariantEditHook
{
    public async Task OnEditedAsync(StudioDbContext db, Variant variant, CancellationToken cancellationToken)
    {
        var slug = await db.Campaigns.Where(c => c.Id == variant.CampaignId).Select(c => c.BrandSlug).FirstOrDefaultAsync(cancellationToken);
        var report = factory.ForBrand(slug is null ? null : brands.Find(slug)).Run(new VariantContent(variant.Channel, variant.Fields));
        variant.CheckGate = CampaignCheckHandler.Worst(report.Gate, StoredReports.DeserializeFindings(variant.CampaignFindingsJson));
        variant.CheckScore = report.Score;
        variant.CheckReportJson = StoredReports.Serialize(report);
    }
}
