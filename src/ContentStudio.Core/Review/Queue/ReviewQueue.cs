using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ContentStudio.Core.Audit;
using ContentStudio.Core.Campaigns;
using ContentStudio.Core.Checks;
using ContentStudio.Core.Data;
using ContentStudio.Core.Generation;

namespace ContentStudio.Core.Review.Queue;

/// <summary>The curation queue: variants joined with their campaigns, filtered, sorted by priority (impact, then
/// deadline, then age) or by age, paged by offset; plus claim and release. Reads open their own short context.</summary>
public sealed class ReviewQueue(IDbContextFactory<StudioDbContext> dbFactory, AuditLog audit, TimeProvider clock,
    IOptions<ReviewQueueOptions> options)
{
    private readonly IReadOnlyList<double> _slaHours = options.Value.ParseSlaHours();
    public int PageSize { get; } = options.Value.CheckedPageSize();

    public static QueueLane LaneOf(VariantOutcome outcome, Gate? gate) =>
        outcome != VariantOutcome.Ok || gate is null or Gate.Blocked ? QueueLane.Blocked
        : gate == Gate.Clean ? QueueLane.Clean : QueueLane.NeedsReview;

    /// <summary>When a variant of a campaign with <paramref name="businessImpact"/> (1..5, clamped) is due.</summary>
    public DateTime SlaDue(DateTime createdUtc, int businessImpact) =>
        createdUtc.AddHours(_slaHours[Math.Clamp(businessImpact, 1, 5) - 1]);

    public async Task<QueuePage> GetPageAsync(QueueFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = Filtered(db, filter);
        var laneGroups = await rows.GroupBy(x => new { x.V.Outcome, x.V.CheckGate })
            .Select(g => new { g.Key.Outcome, g.Key.CheckGate, Count = g.Count() }).ToListAsync(ct);
        var lanes = new LaneCounts(
            laneGroups.Where(g => LaneOf(g.Outcome, g.CheckGate) == QueueLane.Clean).Sum(g => g.Count),
            laneGroups.Where(g => LaneOf(g.Outcome, g.CheckGate) == QueueLane.NeedsReview).Sum(g => g.Count),
            laneGroups.Where(g => LaneOf(g.Outcome, g.CheckGate) == QueueLane.Blocked).Sum(g => g.Count));

        rows = InLane(rows, filter.Lane);
        var total = filter.Lane is { } lane ? lanes[lane] : lanes.Clean + lanes.NeedsReview + lanes.Blocked;
        var ordered = filter.Sort == QueueSort.Age
            ? rows.OrderBy(x => x.V.CreatedUtc).ThenBy(x => x.V.Id)
            : rows.OrderByDescending(x => x.C.BusinessImpact).ThenBy(x => x.C.DeadlineUtc == null).ThenBy(x => x.C.DeadlineUtc)
                .ThenBy(x => x.V.CreatedUtc).ThenBy(x => x.V.Id);
        var page = Math.Max(1, filter.Page);
        var items = await ordered.Skip((page - 1) * PageSize).Take(PageSize)
            .Select(x => new
            {
                x.V.Id, x.V.CampaignId, x.C.Name, x.C.BrandSlug, x.V.SegmentKey, x.V.Channel, x.V.VariantIndex, x.V.Outcome,
                x.V.CheckGate, x.V.CheckScore, x.V.ReviewState, x.V.ContentHash, x.C.BusinessImpact, x.C.DeadlineUtc,
                x.V.CreatedUtc, x.V.AssignedTo, x.V.ClaimedUtc,
            }).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return new QueuePage(items.Select(i =>
        {
            var due = SlaDue(i.CreatedUtc, i.BusinessImpact);
            return new QueueItem(i.Id, i.CampaignId, i.Name, i.BrandSlug, i.SegmentKey, i.Channel, i.VariantIndex, i.Outcome,
                i.CheckGate, i.CheckScore, i.ReviewState, i.ContentHash, i.BusinessImpact, i.DeadlineUtc, i.CreatedUtc, due,
                due < now, i.AssignedTo, i.ClaimedUtc);
        }).ToList(), total, page, PageSize, lanes);
    }

    /// <summary>The distinct values the filter bar offers (brands, campaigns, segments) among queued items' campaigns.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name, string Brand)>> CampaignsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var list = await db.Campaigns.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name, c.BrandSlug }).ToListAsync(ct);
        return list.Select(c => (c.Id, c.Name, c.BrandSlug)).ToList();
    }

    /// <summary>Takes the variant for <paramref name="user"/>. Claiming your own claim again is a no-op; someone
    /// else's is a <see cref="QueueClaimConflictException"/>. A conditional UPDATE decides races, and the audit
    /// event commits with it.</summary>
    public Task ClaimAsync(Guid variantId, StudioUser user, CancellationToken ct = default) =>
        AuditedTransaction.RunAsync(dbFactory, async db =>
        {
            RequireUser(user);
            await AuditLog.LockAsync(db, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var changed = await db.Variants.Where(v => v.Id == variantId && v.AssignedTo == null)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.AssignedTo, user.Id).SetProperty(v => v.ClaimedUtc, now), ct);
            if (changed == 0)
            {
                var holder = await db.Variants.Where(v => v.Id == variantId).Select(v => new { v.AssignedTo, v.ClaimedUtc })
                    .FirstOrDefaultAsync(ct) ?? throw new VariantNotFoundException(variantId);
                if (holder.AssignedTo == user.Id) return 0;
                throw new QueueClaimConflictException(variantId, holder.AssignedTo ?? "someone", holder.ClaimedUtc);
            }
            await audit.AppendAsync(db, new AuditEntry(user.Id, QueueAuditActions.Claimed, nameof(Variant), variantId.ToString()), ct);
            await db.SaveChangesAsync(ct);
            return 1;
        }, ct);

    /// <summary>Gives the variant back. Only the holder may, or a brand manager or admin (to free a stale claim).
    /// Releasing an unclaimed variant does nothing.</summary>
    public Task ReleaseAsync(Guid variantId, StudioUser user, CancellationToken ct = default) =>
        AuditedTransaction.RunAsync(dbFactory, async db =>
        {
            RequireUser(user);
            await AuditLog.LockAsync(db, ct);
            var holder = await db.Variants.Where(v => v.Id == variantId).Select(v => new { v.AssignedTo, v.ClaimedUtc })
                .FirstOrDefaultAsync(ct) ?? throw new VariantNotFoundException(variantId);
            if (holder.AssignedTo is null) return 0;
            if (holder.AssignedTo != user.Id && !user.IsInAny(StudioRoles.BrandManager, StudioRoles.Admin))
                throw new QueueClaimConflictException(variantId, holder.AssignedTo, holder.ClaimedUtc);
            await db.Variants.Where(v => v.Id == variantId)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.AssignedTo, (string?)null).SetProperty(v => v.ClaimedUtc, (DateTime?)null), ct);
            await audit.AppendAsync(db, new AuditEntry(user.Id, QueueAuditActions.Released, nameof(Variant), variantId.ToString(),
                new { heldBy = holder.AssignedTo }), ct);
            await db.SaveChangesAsync(ct);
            return 1;
        }, ct);

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
        return (await db.Set<VariantComment>().AsNoTracking().Where(c => c.VariantId == variantId).ToListAsync(ct))
            .OrderBy(c => c.AuditSequence).ToList();
    }

    /// <summary>Adds a comment and its audit event in one transaction.</summary>
    public Task<VariantComment> CommentAsync(Guid variantId, StudioUser user, string text, CancellationToken ct = default) =>
        AuditedTransaction.RunAsync(dbFactory, async db =>
        {
            RequireUser(user);
            if (string.IsNullOrWhiteSpace(text)) throw new ArgumentException("A comment needs some text.", nameof(text));
            await AuditLog.LockAsync(db, ct);
            if (!await db.Variants.AnyAsync(v => v.Id == variantId, ct)) throw new VariantNotFoundException(variantId);
            var logged = await audit.AppendAsync(db, new AuditEntry(user.Id, QueueAuditActions.Commented, nameof(Variant),
                variantId.ToString(), new { text = text.Trim() }), ct);
            var comment = new VariantComment { VariantId = variantId, Author = user.Id, AtUtc = logged.AtUtc, AuditSequence = logged.Sequence, Text = text.Trim() };
            db.Set<VariantComment>().Add(comment);
            await db.SaveChangesAsync(ct);
            return comment;
        }, ct);

    private static IQueryable<Row> Filtered(StudioDbContext db, QueueFilter f)
    {
        var rows = from v in db.Variants.AsNoTracking()
                   join c in db.Campaigns.AsNoTracking() on v.CampaignId equals c.Id
                   select new Row { V = v, C = c };
        if (f.State is { } state)
        {
            var name = state.ToString();
            rows = rows.Where(x => x.V.ReviewState == name);
        }
        else rows = rows.Where(x => x.V.ReviewState == "Generated" || x.V.ReviewState == "InReview" || x.V.ReviewState == "ChangesRequested");
        if (!string.IsNullOrWhiteSpace(f.Brand)) rows = rows.Where(x => x.C.BrandSlug == f.Brand);
        if (f.CampaignId is { } campaignId) rows = rows.Where(x => x.V.CampaignId == campaignId);
        if (!string.IsNullOrWhiteSpace(f.Segment)) rows = rows.Where(x => x.V.SegmentKey == f.Segment);
        if (f.Channel is { } channel) rows = rows.Where(x => x.V.Channel == channel);
        if (f.Assignee == QueueFilter.Unassigned) rows = rows.Where(x => x.V.AssignedTo == null);
        else if (!string.IsNullOrWhiteSpace(f.Assignee)) rows = rows.Where(x => x.V.AssignedTo == f.Assignee);
        return rows;
    }

    private static IQueryable<Row> InLane(IQueryable<Row> rows, QueueLane? lane) => lane switch
    {
        QueueLane.Clean => rows.Where(x => x.V.Outcome == VariantOutcome.Ok && x.V.CheckGate == Gate.Clean),
        QueueLane.NeedsReview => rows.Where(x => x.V.Outcome == VariantOutcome.Ok && x.V.CheckGate == Gate.NeedsReview),
        QueueLane.Blocked => rows.Where(x => x.V.Outcome != VariantOutcome.Ok || x.V.CheckGate == null || x.V.CheckGate == Gate.Blocked),
        _ => rows,
    };

    private static void RequireUser(StudioUser user)
    {
        if (!user.IsAuthenticated) throw new ReviewAuthorizationException(ReviewAction.Edit, "Sign in to claim, release or comment on variants.");
    }

    private sealed class Row
    {
        public Variant V { get; init; } = null!;
        public Campaign C { get; init; } = null!;
    }
}
