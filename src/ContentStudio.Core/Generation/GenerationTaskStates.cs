using ContentStudio.Core.Kernel;
namespace ContentStudio.Core.Generation;

/// <summary>The one table of task state changes. The engine's conditional UPDATEs implement these moves;
/// this table is what they must agree with (and what the tests hold them to).</summary>
public static class GenerationTaskStates
{
    private static readonly Dictionary<GenerationTaskStatus, GenerationTaskStatus[]> Allowed = new()
    {
        [GenerationTaskStatus.Pending] = [GenerationTaskStatus.Claimed, GenerationTaskStatus.Cancelled],
        // Claimed → Claimed: another worker takes over an expired lease. Claimed → Pending: released on shutdown, or put
        // back to wait (NotBeforeUtc) after a transient model failure: a busy or down provider is weather, not an outcome.
        [GenerationTaskStatus.Claimed] = [GenerationTaskStatus.Claimed, GenerationTaskStatus.Pending, GenerationTaskStatus.Done,
            GenerationTaskStatus.NeedsAttention, GenerationTaskStatus.Cancelled],
        [GenerationTaskStatus.Done] = [],
        [GenerationTaskStatus.NeedsAttention] = [],
        [GenerationTaskStatus.Cancelled] = [],
    };

    public static bool CanMove(GenerationTaskStatus from, GenerationTaskStatus to) => Allowed[from].Contains(to);

    public static bool IsFinished(GenerationTaskStatus status) => Allowed[status].Length == 0;

    /// <summary>A task a worker may claim now: waiting (and past its NotBeforeUtc, if it has one), or held by a lease
    /// that has run out. TaskLeases states the same condition in LINQ and SQL.</summary>
    public static bool IsClaimable(GenerationTaskStatus status, DateTime? leaseExpiresUtc, DateTime nowUtc, DateTime? notBeforeUtc = null) =>
        (status == GenerationTaskStatus.Pending && (notBeforeUtc is not { } notBefore || notBefore <= nowUtc)) ||
        (status == GenerationTaskStatus.Claimed && leaseExpiresUtc is { } expires && expires < nowUtc);

    /// <summary>The status a finished generation moves its task to.</summary>
    public static GenerationTaskStatus After(VariantOutcome outcome) =>
        outcome == VariantOutcome.Ok ? GenerationTaskStatus.Done : GenerationTaskStatus.NeedsAttention;
}
