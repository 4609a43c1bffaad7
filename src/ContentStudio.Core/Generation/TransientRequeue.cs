using Microsoft.EntityFrameworkCore;
using ContentStudio.Core.Data;
using ContentStudio.Core.Data.Leasing;
using ContentStudio.Core.Llm.Budgets;

namespace ContentStudio.Core.Generation;

/// <summary>Puts a task whose model call failed transiently back to waiting, with a time before which no worker claims
/// it, instead of ending it: a busy or unreachable provider is weather, and the run resumes by itself when it clears.
/// Bounded by Generation:MaxTransientRequeues, after which the task ends in NeedsAttention with the reason.</summary>
internal static class TransientRequeue
{
    /// <summary>Whether <paramref name="task"/> may wait once more for the provider.</summary>
    public static bool Allowed(GenerationTask task, GeneratedVariant generated, GenerationOptions o) =>
        generated.Transient && task.Requeues < o.MaxTransientRequeues;

    /// <summary>The wait the provider or the circuit named, else exponential back-off by the task's put-backs; at least
    /// a tenth of a second (no tight loop against a circuit about to half-open) and at most the configured ceiling.</summary>
    public static TimeSpan Delay(GenerationTask task, GeneratedVariant generated, GenerationOptions o)
    {
        var backoff = o.RequeueDelaySeconds * Math.Pow(2, Math.Min(task.Requeues, 30));
        var wait = generated.RetryAfter ?? TimeSpan.FromSeconds(Math.Min(backoff, o.MaxRequeueDelaySeconds));
        return TimeSpan.FromTicks(Math.Clamp(wait.Ticks, TimeSpan.FromMilliseconds(100).Ticks, TimeSpan.FromSeconds(o.MaxRequeueDelaySeconds).Ticks));
    }

    /// <summary>Claimed → Pending with NotBeforeUtc, only while <paramref name="owner"/> still holds the lease. The claim
    /// ended with an answer, so it does not count toward MaxAttempts (which is for claims that never finish).</summary>
    public static Task<bool> RequeueAsync(StudioDbContext db, Guid taskId, string owner, DateTime notBeforeUtc, CancellationToken ct) =>
        // A wait for the provider never ends exactly at a UTC midnight: that time marks a wait for the budget's reset.
        PutBackAsync(db, taskId, owner, SpendLimits.IsReset(notBeforeUtc) ? notBeforeUtc.AddTicks(1) : notBeforeUtc, waits: 1, ct);

    /// <summary>Claimed → Pending until the daily budget resets (<paramref name="resetUtc"/>, a UTC midnight): the
    /// budget, not the provider, said no, so nothing is lost and the wait does not count toward MaxTransientRequeues.</summary>
    public static Task<bool> WaitForBudgetAsync(StudioDbContext db, Guid taskId, string owner, DateTime resetUtc, CancellationToken ct) =>
        PutBackAsync(db, taskId, owner, resetUtc, waits: 0, ct);

    static async Task<bool> PutBackAsync(StudioDbContext db, Guid taskId, string owner, DateTime notBeforeUtc, int waits, CancellationToken ct) =>
        await db.GenerationTasks.Where(LeasedWork.HeldBy(TaskLeases.Queue, taskId, owner))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, GenerationTaskStatus.Pending)
                .SetProperty(t => t.LeaseOwner, (string?)null).SetProperty(t => t.LeaseExpiresUtc, (DateTime?)null)
                .SetProperty(t => t.NotBeforeUtc, notBeforeUtc)
                .SetProperty(t => t.Requeues, t => t.Requeues + waits)
                .SetProperty(t => t.Attempts, t => t.Attempts - 1), ct) == 1;

    /// <summary>The problem a task ends with when it has waited as often as it may.</summary>
    public static string GaveUp(GeneratedVariant generated, GenerationTask task) =>
        $"{generated.Problem} The provider stayed unavailable: gave up after {task.Requeues} wait(s) for it (Generation:MaxTransientRequeues).";
}
