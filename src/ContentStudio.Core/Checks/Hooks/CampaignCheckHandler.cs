using ContentStudio.Core.Brands;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Checks.CrossVariant;
using ContentStudio.Core.Data;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Segments;
using Microsoft.EntityFrameworkCore;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Checks.Hooks;

/// <summary>At the end of a run, checks all its variants together (fairness across segments, consistency across
/// channels, near-duplicates). Findings that point at a variant are stored on it and can only raise its gate;
/// the overall report is stored on the run.</summary>
public sealed class CampaignCheckHandler(IDbContextFactory<StudioDbContext> dbFactory, IBrandCatalog brands, SegmentStore segments, StudioPaths paths)
    : IRunCompletedHandler
{
    public async Task OnRunCompletedAsync(RunProgress progress, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var campaign = await db.Campaigns.FirstOrDefaultAsync(c => c.Id == progress.CampaignId, cancellationToken);
        var run = await db.GenerationRuns.FirstOrDefaultAsync(r => r.Id == progress.RunId, cancellationToken);
        if (campaign is null || run is null) return;
        var brand = brands.Find(campaign.BrandSlug);
        var bySegment = (await segments.ListAsync(campaign.BrandSlug, cancellationToken)).ToDictionary(s => s.Key);
        var variants = await db.Variants.Where(v => v.RunId == progress.RunId && v.Outcome == VariantOutcome.Ok).ToListAsync(cancellationToken);
        var items = variants.Where(v => bySegment.ContainsKey(v.SegmentKey))
            .Select(v => new CampaignVariant(v.Id.ToString(), bySegment[v.SegmentKey], v.Channel, v.Fields)).ToList();

        // The brief says what every segment is entitled to and which extras it sanctions; a brand may add stereotype,
        // condescension and perk phrases in brand-guides/fairness/<brand>/*.yaml.
        var vocabulary = FairnessVocabulary.WithFolder(Path.Combine(paths.BrandGuides, "fairness", campaign.BrandSlug));
        var report = new CampaignCheckRunner(CampaignCheckRunner.Standard(new CampaignThresholds(), vocabulary), brand).Run(items, campaign.Brief);
        foreach (var variant in variants)
        {
            var findings = report.For(variant.Id.ToString());
            if (findings.Count == 0) continue;
            variant.CampaignFindingsJson = StoredReports.SerializeFindings(findings);
            variant.CheckGate = Worst(variant.CheckGate, findings);
        }
        run.CampaignReportJson = StoredReports.Serialize(report.Overall);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The gate raised by the findings (never lowered).</summary>
    internal static Gate Worst(Gate? current, IReadOnlyList<Finding> findings)
    {
        var gate = current ?? Gate.Clean;
        foreach (var f in findings)
        {
            if (f.Severity == Severity.Blocker) return Gate.Blocked;
            if (f.Severity == Severity.Warning && gate == Gate.Clean) gate = Gate.NeedsReview;
        }
        return gate;
    }
}
