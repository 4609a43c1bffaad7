using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ContentStudio.Core.Audit;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Checks;
using ContentStudio.Core.Data;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Review.Queue;

/// <summary>The curation queue: variants joined with their campaigns, filtered, sorted by priority (impact, then
/// deadline, then age) or by age (oldest first), paged by page number. Only reads, each on its own short context;
/// claims and comments are <see cref="QueueClaims"/>.</summary>
public sealed class ReviewQueue(IDbContextFactory<StudioDbContext> dbFactory, TimeProvider clock, IOptions<ReviewQueueOptions> options)
{
    private readonly IReadOnlyList<double> _slaHours = options.Value.ParseSlaHours();
    public int PageSize { get; } = options.Value.CheckedPageSize();

    /// <summary>When a variant of a campaign with <paramref name="businessImpact"/> (1..5, clamped) is due.</summary>
    public DateTime SlaDue(DateTime createdUtc, int businessImpact) =>
        createdUtc.AddHours(_slaHours[Math.Clamp(businessImpact, 1, 5) - 1]);

    /// <summary>One page of the queue. Priority order is campaign impact (desc), deadline (asc, none last), then age;
    /// campaigns are few, so it is computed in two cheap steps instead of one big sorted join: (1) counts per campaign
    /// and lane from a covering index, which also give the lane tabs and the total; (2) for the campaign groups the
    /// page falls into (same impact and deadline), only those campaigns' rows, ordered by age with LIMIT/OFFSET.</summary>
    public async Task<QueuePage> GetPageAsync(QueueFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var campaignQuery = db.Campaigns.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Brand)) campaignQuery = campaignQuery.Where(c => c.BrandSlug == filter.Brand);
        if (filter.CampaignId is { } onlyCampaign) campaignQuery = campaignQuery.Where(c => c.Id == onlyCampaign);
        var campaigns = (await campaignQuery.Select(c => new { c.Id, c.Name, c.BrandSlug, c.BusinessImpact, c.DeadlineUtc }).ToListAsync(ct))
            .ToDictionary(c => c.Id);

        var variants = OpenVariants(db, filter);
        if (filter.CampaignId is not null || !string.IsNullOrWhiteSpace(filter.Brand))
        {
            var ids = campaigns.Keys.ToList();
            variants = variants.Where(v => ids.Contains(v.CampaignId));
        }
        var counts = (await variants.GroupBy(v => new { v.CampaignId, v.Outcome, v.CheckGate })
                .Select(g => new { g.Key.CampaignId, g.Key.Outcome, g.Key.CheckGate, Count = g.Count() }).ToListAsync(ct))
            .Where(c => campaigns.ContainsKey(c.CampaignId))
            .Select(c => (c.CampaignId, c.Outcome, c.CheckGate, Lane: Lanes.Of(c.Outcome, c.CheckGate), c.Count)).ToList();
        var lanes = LaneCounts.From(counts.Select(c => (c.Outcome, c.CheckGate, c.Count)));
        var inLane = counts.Where(c => filter.Lane is null || c.Lane == filter.Lane).ToList();
        var total = inLane.Sum(c => c.Count);
        var page = Math.Max(1, filter.Page);
        variants = InLane(variants, filter.Lane);

        var rows = new List<RowData>();
        if (filter.Sort == QueueSort.Age)
        {
            rows = await OldestFirstAsync(db, variants, filter, (page - 1) * PageSize, ct);
        }
        else
        {
            var perCampaign = inLane.GroupBy(c => c.CampaignId).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
            var groups = campaigns.Values.Where(c => perCampaign.ContainsKey(c.Id))
                .GroupBy(c => (c.BusinessImpact, c.DeadlineUtc))
                .OrderByDescending(g => g.Key.BusinessImpact).ThenBy(g => g.Key.DeadlineUtc is null).ThenBy(g => g.Key.DeadlineUtc);
            var skip = (page - 1) * PageSize;
            foreach (var group in groups)
            {
                var inGroup = group.Sum(c => perCampaign[c.Id]);
                if (skip >= inGroup) { skip -= inGroup; continue; }
                var ids = group.Select(c => c.Id).ToList();
                var need = PageSize - rows.Count;
                rows.AddRange(await Project(variants.Where(v => ids.Contains(v.CampaignId))
                    .OrderBy(v => v.CreatedUtc).ThenBy(v => v.Id).Skip(skip).Take(need)).ToListAsync(ct));
                skip = 0;
                if (rows.Count >= PageSize) break;
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        // The copy preview only for the rows of this page (one query), not through the walks above.
        var shownIds = rows.Select(r => r.Id).ToList();
        var fields = await db.Variants.AsNoTracking().Where(v => shownIds.Contains(v.Id)).Select(v => new { v.Id, v.FieldsJson }).ToDictionaryAsync(v => v.Id, v => v.FieldsJson, ct);
        return new QueuePage(rows.Select(i =>
        {
            var c = campaigns[i.CampaignId];
            var due = SlaDue(i.CreatedUtc, c.BusinessImpact);
            return new QueueItem(i.Id, i.CampaignId, c.Name, c.BrandSlug, i.SegmentKey, i.Channel, i.VariantIndex, i.Outcome,
                i.CheckGate, i.CheckScore, i.ReviewState, i.ContentHash, c.BusinessImpact, c.DeadlineUtc, i.CreatedUtc, due,
                due < now, i.AssignedTo, i.ClaimedUtc, Preview(i.Channel, fields.GetValueOrDefault(i.Id)));
        }).ToList(), total, page, PageSize, lanes);
    }

    /// <summary>The first line a reviewer reads of the copy: the channel's first filled field, cut at a word.</summary>
    internal static string Preview(ChannelKind channel, string? fieldsJson)
    {
        if (string.IsNullOrEmpty(fieldsJson)) return "";
        var fields = VariantFields.Read(fieldsJson);
        var text = ChannelCatalog.Get(channel).Fields.Select(f => fields.GetValueOrDefault(f.Name)).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t)) ?? "";
        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length <= PreviewLength) return text;
        var cut = text.LastIndexOf(' ', PreviewLength);
        return text[..(cut > PreviewLength / 2 ? cut : PreviewLength)] + "…";
    }

    private const int PreviewLength = 120;

    /// <summary>Rows a page may need from each walk before merging costs more than one sort (the first 20 pages).</summary>
    private const int MergeLimit = 1_000;

    /// <summary>Oldest first: CreatedUtc, then Id. Index (ReviewState, CheckGate, CreatedUtc, Id) walks the rows of one
    /// review state and one gate value already in that order, but the open states are an IN list (and all lanes span
    /// several gates), which no single walk covers; sorting every open row instead took 500 ms at 100,000 variants.
    /// So on SQLite the first pages take skip + page rows from each (state, gate) walk and merge them here. The Blocked
    /// lane is mostly "Outcome is not Ok", which no walk can seek, and deep pages would read too much: both sort in the
    /// database as before. PostgreSQL keeps one query: with the statistics autovacuum gathers, its planner walks an
    /// age index with an incremental sort (2 ms at 100,000 variants), and a dozen round trips would only add to it.</summary>
    private async Task<List<RowData>> OldestFirstAsync(StudioDbContext db, IQueryable<Variant> inLane, QueueFilter filter, int skip, CancellationToken ct)
    {
        Gate?[] gates = filter.Lane switch
        {
            QueueLane.Clean => [Gate.Clean],
            QueueLane.NeedsReview => [Gate.NeedsReview],
            null => [Gate.Clean, Gate.NeedsReview, Gate.Blocked, null],
            _ => [],
        };
        if (gates.Length == 0 || skip + PageSize > MergeLimit || !db.Database.IsSqlite())
            return await Project(inLane.OrderBy(v => v.CreatedUtc).ThenBy(v => v.Id).Skip(skip).Take(PageSize)).ToListAsync(ct);
        var merged = new List<RowData>();
        foreach (var state in filter.State is { } only ? [only] : ReviewTransitions.Open)
        foreach (var gate in gates)
        {
            // Separate branches: a nullable parameter compared with == becomes an OR for null that the index cannot seek.
            var walk = inLane.Where(v => v.ReviewState == state);
            walk = gate is { } g ? walk.Where(v => v.CheckGate == g) : walk.Where(v => v.CheckGate == null);
            merged.AddRange(await Project(walk.OrderBy(v => v.CreatedUtc).ThenBy(v => v.Id).Take(skip + PageSize)).ToListAsync(ct));
        }
        // .NET orders Guids as their text, which is how both providers order the Id column.
        return merged.OrderBy(r => r.CreatedUtc).ThenBy(r => r.Id).Skip(skip).Take(PageSize).ToList();
    }

    /// <summary>The distinct values the filter bar offers (brands, campaigns, segments) among queued items' campaigns.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name, string Brand)>> CampaignsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var list = await db.Campaigns.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name, c.BrandSlug }).ToListAsync(ct);
        return list.Select(c => (c.Id, c.Name, c.BrandSlug)).ToList();
    }

    /// <summary>The variant's current content, hash and concurrency token (what an editor saves against), with its
    /// campaign id and holder; null when it does not exist.</summary>
    public async Task<(ReviewedVariant Variant, Guid CampaignId, string? AssignedTo)?> CurrentAsync(Guid variantId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var v = await db.Variants.AsNoTracking().FirstOrDefaultAsync(x => x.Id == variantId, ct);
        return v is null ? null : (ReviewedVariant.From(v), v.CampaignId, v.AssignedTo);
    }

    public async Task<IReadOnlyList<VariantComment>> CommentsAsync(Guid variantId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ReviewHistory.CommentsAsync(db, variantId, ct);
    }

    /// <summary>The filters on the variant itself; brand and campaign are applied through the campaign ids.</summary>
    private static IQueryable<Variant> OpenVariants(StudioDbContext db, QueueFilter f)
    {
        var rows = db.Variants.AsNoTracking();
        // The open states as constants, so the filter stays literal SQL ('Generated' OR …) that the indexes match.
        if (f.State is { } state) rows = rows.Where(v => v.ReviewState == state);
        else rows = rows.Where(v => v.ReviewState == ReviewState.Generated || v.ReviewState == ReviewState.InReview ||
                                    v.ReviewState == ReviewState.ChangesRequested);
        if (!string.IsNullOrWhiteSpace(f.Segment)) rows = rows.Where(v => v.SegmentKey == f.Segment);
        if (f.Channel is { } channel) rows = rows.Where(v => v.Channel == channel);
        if (f.Assignee == QueueFilter.Unassigned) rows = rows.Where(v => v.AssignedTo == null);
        else if (!string.IsNullOrWhiteSpace(f.Assignee)) rows = rows.Where(v => v.AssignedTo == f.Assignee);
        return rows;
    }

    private static IQueryable<Variant> InLane(IQueryable<Variant> rows, QueueLane? lane) => lane switch
    {
        QueueLane.Clean => rows.Where(v => v.Outcome == VariantOutcome.Ok && v.CheckGate == Gate.Clean),
        QueueLane.NeedsReview => rows.Where(v => v.Outcome == VariantOutcome.Ok && v.CheckGate == Gate.NeedsReview),
        QueueLane.Blocked => rows.Where(v => v.Outcome != VariantOutcome.Ok || v.CheckGate == null || v.CheckGate == Gate.Blocked),
        _ => rows,
    };

    private static IQueryable<RowData> Project(IQueryable<Variant> rows) => rows.Select(v => new RowData
    {
        Id = v.Id, CampaignId = v.CampaignId, SegmentKey = v.SegmentKey, Channel = v.Channel, VariantIndex = v.VariantIndex,
        Outcome = v.Outcome, CheckGate = v.CheckGate, CheckScore = v.CheckScore, ReviewState = v.ReviewState, ContentHash = v.ContentHash,
        CreatedUtc = v.CreatedUtc, AssignedTo = v.AssignedTo, ClaimedUtc = v.ClaimedUtc,
    });

    private sealed class RowData
    {
        public Guid Id { get; init; }
        public Guid CampaignId { get; init; }
        public string SegmentKey { get; init; } = "";
        public ChannelKind Channel { get; init; }
        public int VariantIndex { get; init; }
        public VariantOutcome Outcome { get; init; }
        public Gate? CheckGate { get; init; }
        public int? CheckScore { get; init; }
        public ReviewState ReviewState { get; init; }
        public string ContentHash { get; init; } = "";
        public DateTime CreatedUtc { get; init; }
        public string? AssignedTo { get; init; }
        public DateTime? ClaimedUtc { get; init; }
    }
}
