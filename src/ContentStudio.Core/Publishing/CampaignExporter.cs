using System.Security.Cryptography;
using System.Text;
using ContentStudio.Core.Data;
using ContentStudio.Core.Publishing.Delivery;
using Microsoft.EntityFrameworkCore;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Publishing;

/// <summary>What an export wrote and what it left out (each with the reason).</summary>
public sealed record ExportReport(string Folder, int Written, IReadOnlyList<string> Skipped);

/// <summary>Exports a campaign's approved variants straight to a folder (`studio export`), outside the outbox: the same
/// files as a file-export target, the same approval rule, nothing unapproved or changed since approval.</summary>
public sealed class CampaignExporter(IDbContextFactory<StudioDbContext> dbFactory, IApprovalEvidenceSource approvals)
{
    public async Task<ExportReport> ExportAsync(Guid campaignId, string outputFolder, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Campaigns.AnyAsync(c => c.Id == campaignId, ct)) throw new PublishingException($"campaign {campaignId} does not exist");
        var variants = await db.Variants.AsNoTracking()
            .Where(v => v.CampaignId == campaignId && ReviewTransitions.Publishable.Contains(v.ReviewState))
            .OrderBy(v => v.SegmentKey).ThenBy(v => v.Channel).ThenBy(v => v.VariantIndex).ToListAsync(ct);
        var skipped = new List<string>();
        var written = 0;
        foreach (var variant in variants)
        {
            var approval = await approvals.GetAsync(variant.Id, ct);
            if (PublishableCheck.Problem(variant, approval) is { } problem) { skipped.Add(problem); continue; }
            try
            {
                await FileExporter.ExportAsync(outputFolder, PublicationPayload.For(StableId(variant.Id, variant.ContentHash), variant, approval!), ct);
                written++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
            {
                // One item that cannot be written never stops the rest of the campaign; the report names it.
                skipped.Add($"variant {variant.Id} could not be exported: {e.Message}");
            }
        }
        return new ExportReport(FileExporter.CampaignFolder(outputFolder, campaignId), written, skipped);
    }

    /// <summary>The same variant at the same content always gets the same id, so exporting twice is recognisably the same.</summary>
    internal static Guid StableId(Guid variantId, string contentHash) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"export:{variantId:N}:{contentHash}")).AsSpan(0, 16));
}
