using static ContentStudio.Testing.People;
using ContentStudio.Testing;
using Microsoft.EntityFrameworkCore;
using ContentStudio.Core.Audit;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Review;
using ContentStudio.Integration.Tests.Infrastructure;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Integration.Tests.Review;

/// <summary>The people in the review tests and a way to get a real generated variant.</summary>
public static class ReviewTestKit
{

    /// <summary>Runs a one-variant email campaign through the real engine, started by <paramref name="generatedBy"/>.</summary>
    public static async Task<Variant> GeneratedVariantAsync(this TestStudio studio, StudioUser? generatedBy = null)
    {
        var campaign = await studio.CampaignAsync(TestData.Brief(1, 1, ChannelKind.Email));
        var run = await studio.Get<GenerationService>().StartRunAsync(campaign.Id, (generatedBy ?? Gina).Id);
        await studio.NewEngine().RunUntilIdleAsync(run.Id);
        return await studio.VariantAsync(run.Id);
    }

    public static async Task<Variant> VariantAsync(this TestStudio studio, Guid runId)
    {
        await using var db = studio.Db();
        return await db.Variants.AsNoTracking().SingleAsync(v => v.RunId == runId);
    }

    public static async Task<Variant> ReloadAsync(this TestStudio studio, Guid variantId)
    {
        await using var db = studio.Db();
        return await db.Variants.AsNoTracking().SingleAsync(v => v.Id == variantId);
    }

    /// <summary>The audit events after the setup: the campaign.created and run.started events every generated variant
    /// brings are left out, so a test sees the events of the flow it drives.</summary>
    public static async Task<List<AuditEvent>> AuditEventsAsync(this TestStudio studio)
    {
        await using var db = studio.Db();
        return await db.AuditEvents.AsNoTracking().Where(e => e.Action != AuditActions.CampaignCreated && e.Action != AuditActions.RunStarted)
            .OrderBy(e => e.Sequence).ToListAsync();
    }

    public static Dictionary<string, string> With(this IReadOnlyDictionary<string, string> fields, string key, string value) =>
        new(fields) { [key] = value };
}
