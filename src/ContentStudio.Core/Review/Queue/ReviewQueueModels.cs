using ContentStudio.Core.Channels;
using ContentStudio.Core.Checks;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Review.Queue;

/// <summary>The queue's lanes, from the item checks' gate. A variant generation flagged (NeedsAttention, or never
/// checked) goes to Blocked: a person has to look at it before anything else.</summary>
public enum QueueLane { Clean, NeedsReview, Blocked }

public enum QueueSort { Priority, Age }

/// <summary>What the queue shows. Null filters match everything; a null <see cref="State"/> means the open states
/// (Generated, InReview, ChangesRequested). Pages count from 1.</summary>
public sealed record QueueFilter
{
    public string? Brand { get; init; }
    public Guid? CampaignId { get; init; }
    public string? Segment { get; init; }
    public ChannelKind? Channel { get; init; }
    public QueueLane? Lane { get; init; }
    public ReviewState? State { get; init; }
    /// <summary>A sign-in name; <see cref="Unassigned"/> for items nobody holds.</summary>
    public string? Assignee { get; init; }
    public QueueSort Sort { get; init; } = QueueSort.Priority;
    public int Page { get; init; } = 1;

    public const string Unassigned = "(nobody)";
}

/// <summary>One queue row.</summary>
public sealed record QueueItem(
    Guid VariantId, Guid CampaignId, string CampaignName, string Brand, string SegmentKey, ChannelKind Channel,
    int VariantIndex, VariantOutcome Outcome, Gate? Gate, int? Score, ReviewState ReviewState, string ContentHash,
    int BusinessImpact, DateTime? DeadlineUtc, DateTime CreatedUtc, DateTime SlaDueUtc, bool Overdue,
    string? AssignedTo, DateTime? ClaimedUtc)
{
    public QueueLane Lane => ReviewQueue.LaneOf(Outcome, Gate);
}

public sealed record LaneCounts(int Clean, int NeedsReview, int Blocked)
{
    public int this[QueueLane lane] => lane switch { QueueLane.Clean => Clean, QueueLane.NeedsReview => NeedsReview, _ => Blocked };
}

/// <summary>One page of the queue; <see cref="Total"/> counts the rows matching the filter (lane included),
/// <see cref="Lanes"/> the rows per lane matching the other filters (for the tab counts).</summary>
public sealed record QueuePage(IReadOnlyList<QueueItem> Items, int Total, int Page, int PageSize, LaneCounts Lanes)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The outcome of one item of a bulk approval: null <see cref="Problem"/> means approved.</summary>
public sealed record BulkApprovalResult(Guid VariantId, string? Problem)
{
    public bool Approved => Problem is null;
}

/// <summary>A comment on a variant (audited).</summary>
public sealed class VariantComment
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid VariantId { get; set; }
    public string Author { get; set; } = "";
    public DateTime AtUtc { get; set; }
    public long AuditSequence { get; set; }
    public string Text { get; set; } = "";
}

/// <summary>Someone else holds the variant.</summary>
public sealed class QueueClaimConflictException(Guid variantId, string heldBy, DateTime? since)
    : InvalidOperationException($"Variant {variantId} is already claimed by {heldBy}{(since is { } s ? $" (since {s:yyyy-MM-dd HH:mm} UTC)" : "")}; ask them to release it.")
{
    public Guid VariantId { get; } = variantId;
    public string HeldBy { get; } = heldBy;
}

/// <summary>The audit action names of the queue.</summary>
public static class QueueAuditActions
{
    public const string Claimed = "review.claimed";
    public const string Released = "review.released";
    public const string Commented = "review.commented";
    public const string RevisionRequested = "review.revision-started";
}
