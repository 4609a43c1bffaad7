using ContentStudio.Core.Channels;
using ContentStudio.Core.Checks;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Review.Queue;

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
    string? AssignedTo, DateTime? ClaimedUtc, string Preview = "")
{
    public QueueLane Lane => Lanes.Of(Outcome, Gate);
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

/// <summary>What a bulk approval would do: the items it may approve and, for the others shown, why they are left out.</summary>
public sealed record BulkApprovalPlan(IReadOnlyList<QueueItem> Approvable, IReadOnlyList<BulkApprovalResult> Skipped);
