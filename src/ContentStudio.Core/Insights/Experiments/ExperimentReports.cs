using ContentStudio.Core.Audit;
using ContentStudio.Core.Data;
using ContentStudio.Core.Insights.Results;
using ContentStudio.Core.Insights.Statistics;
using ContentStudio.Core.Kernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ContentStudio.Core.Insights.Experiments;

/// <summary>One arm as people know it: the variant, its index and the start of its first field, with its statistics.</summary>
public sealed record ExperimentArm(Guid VariantId, int VariantIndex, string Label, string Preview, ArmResult Stats);

/// <summary>One experiment: a campaign's published variants of one segment × channel, judged against a control.</summary>
public sealed record ExperimentReport(string SegmentKey, string Channel, Guid ControlVariantId, bool ControlDesignated,
    IReadOnlyList<ExperimentArm> Arms, ExperimentDecision Decision, Guid? WinnerVariantId, string Reason, long? PlannedTrialsPerArm,
    long ExtraTrialsNeeded)
{
    public string Correction => ExperimentOutcome.Correction;
}

/// <summary>Every experiment of a campaign, with the settings that judged them.</summary>
public sealed record CampaignExperiments(Guid CampaignId, string CampaignName, ExperimentMetric Metric, ExperimentSettings Settings,
    IReadOnlyList<ExperimentReport> Experiments);

public sealed class CampaignNotFoundException(Guid id) : Exception($"no campaign has the id {id}");

/// <summary>Reads a campaign's experiments: per published variant, its results summed in the database (one grouped
/// query), then <see cref="ExperimentAnalysis"/> per segment × channel. The control is the designated variant, or
/// the lowest variant index until someone designates one.</summary>
public sealed class ExperimentReports(IDbContextFactory<StudioDbContext> dbFactory, IOptions<InsightsOptions> options, AuditLog audit, TimeProvider clock)
{
    public async Task<CampaignExperiments> ForCampaignAsync(Guid campaignId, StudioUser user, ExperimentMetric? metric = null, CancellationToken ct = default)
    {
        Access.Demand(user, StudioPermission.ReadInsights);
        var settings = options.Value.ToSettings();
        var measure = metric ?? options.Value.Metric;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId).Select(c => new { c.Id, c.Name }).FirstOrDefaultAsync(ct)
                       ?? throw new CampaignNotFoundException(campaignId);
        var variants = await db.Variants.AsNoTracking()
            .Where(v => v.CampaignId == campaignId && v.ReviewState == ReviewState.Published)
            .Select(v => new { v.Id, v.SegmentKey, v.Channel, v.VariantIndex, v.FieldsJson })
            .ToListAsync(ct);
        var totals = await db.Set<VariantResult>().AsNoTracking().Where(r => r.CampaignId == campaignId)
            .GroupBy(r => r.VariantId)
            .Select(g => new { VariantId = g.Key, Impressions = g.Sum(r => r.Impressions), Clicks = g.Sum(r => r.Clicks), Conversions = g.Sum(r => r.Conversions) })
            .ToDictionaryAsync(t => t.VariantId, ct);
        var controls = await db.Set<ExperimentControl>().AsNoTracking().Where(c => c.CampaignId == campaignId).ToListAsync(ct);

        var reports = new List<ExperimentReport>();
        foreach (var group in variants.GroupBy(v => (v.SegmentKey, Channel: v.Channel.ToString())).OrderBy(g => g.Key.SegmentKey, StringComparer.Ordinal)
                     .ThenBy(g => g.Key.Channel, StringComparer.Ordinal))
        {
            var members = group.OrderBy(v => v.VariantIndex).ToList();
            var designated = controls.FirstOrDefault(c => c.SegmentKey == group.Key.SegmentKey && c.Channel == group.Key.Channel)?.VariantId;
            var chosen = designated is { } d && members.Any(m => m.Id == d);
            var controlId = chosen ? designated!.Value : members[0].Id;
            var counts = members.Select(m =>
            {
                var t = totals.GetValueOrDefault(m.Id);
                var successes = t is null ? 0 : measure == ExperimentMetric.Clicks ? t.Clicks : t.Conversions;
                return new ArmCounts(m.Id.ToString(), Label(m.VariantIndex, m.Id == controlId), t?.Impressions ?? 0, successes, m.Id == controlId);
            }).ToList();
            var outcome = ExperimentAnalysis.Analyse(counts, settings);
            var arms = members.Select((m, i) => new ExperimentArm(m.Id, m.VariantIndex, counts[i].Label, Preview(m.FieldsJson), outcome.Arms[i])).ToList();
            reports.Add(new ExperimentReport(group.Key.SegmentKey, group.Key.Channel, controlId, chosen, arms, outcome.Decision,
                outcome.WinnerKey is { } w ? Guid.Parse(w) : null, outcome.Reason, outcome.PlannedTrialsPerArm, outcome.ExtraTrialsNeeded));
        }
        return new CampaignExperiments(campaign.Id, campaign.Name, measure, settings, reports);
    }

    /// <summary>Makes <paramref name="variantId"/> the control of its segment × channel experiment (audited).</summary>
    public async Task DesignateControlAsync(Guid variantId, StudioUser user, CancellationToken ct = default)
    {
        Access.Demand(user, StudioPermission.DesignateControl);
        await AuditedTransaction.RunAsync(dbFactory, async db =>
        {
            var v = await db.Variants.AsNoTracking().Where(x => x.Id == variantId)
                        .Select(x => new { x.CampaignId, x.SegmentKey, x.Channel, x.ReviewState }).FirstOrDefaultAsync(ct)
                    ?? throw new ArgumentException($"no variant has the id {variantId}");
            var channel = v.Channel.ToString();
            var row = await db.Set<ExperimentControl>().FirstOrDefaultAsync(c => c.CampaignId == v.CampaignId && c.SegmentKey == v.SegmentKey && c.Channel == channel, ct);
            var previous = row?.VariantId;
            if (row is null) db.Add(row = new ExperimentControl { CampaignId = v.CampaignId, SegmentKey = v.SegmentKey, Channel = channel });
            (row.VariantId, row.DesignatedBy, row.DesignatedUtc) = (variantId, user.Id, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            await audit.AppendAsync(db, new AuditEntry(user.Id, AuditActions.ExperimentControlDesignated, nameof(Variant), variantId.ToString(),
                new { campaignId = v.CampaignId, segment = v.SegmentKey, channel, previous }), ct);
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);
    }

    private static string Label(int index, bool control) => control ? $"#{index} (control)" : $"#{index}";

    /// <summary>The field people recognise a variant by (fields are stored sorted, so "body" would otherwise come first).</summary>
    private static readonly string[] PreviewFields = ["subject", "headline", "title", "hook", "text", "message", "body"];

    private static string Preview(string fieldsJson)
    {
        var fields = VariantFields.Read(fieldsJson);
        var first = PreviewFields.Select(f => fields.GetValueOrDefault(f)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))
                    ?? fields.Values.FirstOrDefault() ?? "";
        first = first.ReplaceLineEndings(" ").Trim();
        return first.Length <= 60 ? first : first[..60] + "…";
    }
}
