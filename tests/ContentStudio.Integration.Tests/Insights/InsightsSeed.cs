using ContentStudio.Core.Channels;
using ContentStudio.Core.Data;
using ContentStudio.Core.Publishing;
using ContentStudio.Integration.Tests.Infrastructure;
using ContentStudio.Integration.Tests.Review;
using Microsoft.EntityFrameworkCore;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Integration.Tests.Insights;

/// <summary>A campaign with published variants (and one still in review) written straight into the database, and a
/// sent and a pending publication, for the importer and the experiment reports.</summary>
public sealed record InsightsSeed(Guid CampaignId, Variant[] Published, Variant InReview, Guid SentDelivery, Guid PendingDelivery)
{
    public static async Task<InsightsSeed> CreateAsync(TestStudio studio)
    {
        await using var db = studio.Db();
        return await CreateAsync(db, studio.Clock.GetUtcNow().UtcDateTime);
    }

    public static async Task<InsightsSeed> CreateAsync(StudioDbContext db, DateTime now)
    {
        var campaign = await QueueSeed.CampaignAsync(db, now, "Spring results", 3, null, variants:
        [
            new("young-professionals", ChannelKind.Email, Core.Checks.Gate.Clean, ReviewState.Published),
            new("young-professionals", ChannelKind.Email, Core.Checks.Gate.Clean, ReviewState.Published),
            new("young-professionals", ChannelKind.Email, Core.Checks.Gate.Clean, ReviewState.Published),
            new("young-professionals", ChannelKind.Email, Core.Checks.Gate.Clean, ReviewState.InReview),
        ]);
        var variants = await db.Variants.AsNoTracking().Where(v => v.CampaignId == campaign.Id).OrderBy(v => v.VariantIndex).ToArrayAsync();
        var target = new PublishTarget { Name = "esp", Kind = PublishTargetKind.Webhook, Url = "https://esp.example.com/hook", CreatedBy = "ada@example.com" };
        var sent = new OutboxMessage { VariantId = variants[1].Id, TargetId = target.Id, CampaignId = campaign.Id, ContentHash = variants[1].ContentHash,
            Status = OutboxStatus.Sent, CreatedBy = "ada@example.com" };
        var pending = new OutboxMessage { VariantId = variants[2].Id, TargetId = target.Id, CampaignId = campaign.Id, ContentHash = variants[2].ContentHash,
            Status = OutboxStatus.Pending, CreatedBy = "ada@example.com" };
        db.PublishTargets.Add(target);
        db.OutboxMessages.AddRange(sent, pending);
        await db.SaveChangesAsync();
        return new InsightsSeed(campaign.Id, variants[..3], variants[3], sent.Id, pending.Id);
    }
}
