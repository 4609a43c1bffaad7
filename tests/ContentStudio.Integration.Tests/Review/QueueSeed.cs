using ContentStudio.Core.Campaigns;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Checks;
using ContentStudio.Core.Data;
using ContentStudio.Core.Generation;
using ContentStudio.Integration.Tests.Infrastructure;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Integration.Tests.Review;

/// <summary>Writes queue rows straight into the database (campaign, run, tasks, variants), far faster than running
/// the engine, for the queue's filter, sort and speed tests.</summary>
public static class QueueSeed
{
    public sealed record Spec(string Segment, ChannelKind Channel, Gate? Gate, ReviewState State = ReviewState.InReview,
        VariantOutcome Outcome = VariantOutcome.Ok, int MinutesOld = 0);

    public static async Task<Campaign> CampaignAsync(this TestStudio studio, string name, int impact, DateTime? deadline,
        string brand = "lumen", string createdBy = "gina@example.com", IEnumerable<Spec>? variants = null)
    {
        await using var db = studio.Db();
        return await CampaignAsync(db, studio.Clock.GetUtcNow().UtcDateTime, name, impact, deadline, brand, createdBy, variants);
    }

    /// <summary>The same rows on any context (the CLI tests' workspace database).</summary>
    public static async Task<Campaign> CampaignAsync(StudioDbContext db, DateTime now, string name, int impact, DateTime? deadline,
        string brand = "lumen", string createdBy = "gina@example.com", IEnumerable<Spec>? variants = null)
    {
        var campaign = new Campaign
        {
            Name = name, BrandSlug = brand, Brief = TestData.Brief() with { Name = name, BrandSlug = brand, BusinessImpact = impact },
            BusinessImpact = impact, DeadlineUtc = deadline, CreatedUtc = now, CreatedBy = createdBy,
        };
        var run = new GenerationRun { CampaignId = campaign.Id, CreatedBy = createdBy, CreatedUtc = now, Status = RunStatus.Completed };
        db.Campaigns.Add(campaign);
        db.GenerationRuns.Add(run);
        var i = 0;
        foreach (var s in variants ?? [])
        {
            var task = new GenerationTask { RunId = run.Id, Ordinal = i, SegmentKey = s.Segment, Channel = s.Channel, VariantIndex = i,
                Status = GenerationTaskStatus.Done };
            var fields = new Dictionary<string, string> { ["subject"] = $"Subject {i}", ["body"] = $"Body of {name} {i}" };
            db.GenerationTasks.Add(task);
            db.Variants.Add(new Variant
            {
                TaskId = task.Id, CampaignId = campaign.Id, RunId = run.Id, SegmentKey = s.Segment, Channel = s.Channel, VariantIndex = i,
                FieldsJson = VariantFields.CanonicalJson(fields), ContentHash = VariantFields.Hash(fields), Outcome = s.Outcome,
                CheckGate = s.Gate, CheckScore = s.Gate is null ? null : 90, ReviewState = s.State, CreatedUtc = now.AddMinutes(-s.MinutesOld),
            });
            i++;
        }
        run.TotalTasks = run.DoneTasks = i;
        await db.SaveChangesAsync();
        return campaign;
    }
}
