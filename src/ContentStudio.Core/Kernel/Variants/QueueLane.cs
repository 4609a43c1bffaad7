using ContentStudio.Core.Checks;

namespace ContentStudio.Core.Kernel;

/// <summary>Where a variant stands after generation and the item checks: the queue's lanes, and the gate breakdown
/// every summary shows (campaign list, campaign page, run history), so all of them count the same way. A variant
/// generation flagged (NeedsAttention, or never checked) is Blocked: a person has to look at it first.</summary>
public enum QueueLane { Clean, NeedsReview, Blocked }

public static class Lanes
{
    public static QueueLane Of(VariantOutcome outcome, Gate? gate) =>
        outcome != VariantOutcome.Ok || gate is null or Gate.Blocked ? QueueLane.Blocked
        : gate == Gate.Clean ? QueueLane.Clean : QueueLane.NeedsReview;
}

/// <summary>How many variants are in each lane.</summary>
public sealed record LaneCounts(int Clean, int NeedsReview, int Blocked)
{
    public static LaneCounts None { get; } = new(0, 0, 0);

    public int Total => Clean + NeedsReview + Blocked;

    public static LaneCounts operator +(LaneCounts a, LaneCounts b) => new(a.Clean + b.Clean, a.NeedsReview + b.NeedsReview, a.Blocked + b.Blocked);

    public int this[QueueLane lane] => lane switch { QueueLane.Clean => Clean, QueueLane.NeedsReview => NeedsReview, _ => Blocked };

    /// <summary>Counts from (outcome, gate, count) groups, as a GROUP BY returns them.</summary>
    public static LaneCounts From(IEnumerable<(VariantOutcome Outcome, Gate? Gate, int Count)> groups)
    {
        int clean = 0, review = 0, blocked = 0;
        foreach (var (outcome, gate, count) in groups)
            switch (Lanes.Of(outcome, gate))
            {
                case QueueLane.Clean: clean += count; break;
                case QueueLane.NeedsReview: review += count; break;
                default: blocked += count; break;
            }
        return new(clean, review, blocked);
    }
}
