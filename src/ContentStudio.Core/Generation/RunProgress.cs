using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Generation;

/// <summary>Where a run stands, counted from its tasks. A live message: workers finish tasks in parallel and each
/// reads the progress after its own commit, so reports can arrive out of order; one that is older than one already
/// delivered (fewer finished tasks, or "running" after the run ended) is dropped, so a page never steps backwards.</summary>
/// <param name="WaitingForProvider">Of <paramref name="Pending"/>, the tasks put back after a transient model failure
/// that may not be claimed yet.</param>
/// <param name="ProviderWaitUntilUtc">The earliest time one of those may be claimed again; null when none waits.</param>
public sealed record RunProgress(
    Guid RunId, Guid CampaignId, RunStatus Status,
    int Total, int Done, int NeedsAttention, int Cancelled, int Pending, int InProgress,
    int WaitingForProvider = 0, DateTime? ProviderWaitUntilUtc = null) : ILiveEvent
{
    string ILiveEvent.Stream => RunId.ToString("N");
    long ILiveEvent.Order => Finished * 2L + (IsOver ? 1 : 0);

    public int Finished => Done + NeedsAttention + Cancelled;

    /// <summary>0–100, whole percent of tasks that are finished (100 for an empty run).</summary>
    public int Percent => Total == 0 ? 100 : (int)Math.Floor(100.0 * Finished / Total);

    public bool IsOver => Status is RunStatus.Completed or RunStatus.Cancelled;

    /// <summary>The run cannot move until the provider recovers: nothing is in progress and tasks are waiting out a provider
    /// failure. Tasks not tried yet may wait with them: while the provider's circuit is open the engine claims nothing,
    /// since a task claimed then would only bounce. It resumes by itself at <see cref="ProviderWaitUntilUtc"/> (the worker
    /// polls), so the page says so instead of showing a stalled bar.</summary>
    public bool IsWaitingForProvider => !IsOver && WaitingForProvider > 0 && InProgress == 0;

    /// <summary>Of <see cref="IsWaitingForProvider"/>: the wait is for a used-up daily token budget, which resets at
    /// <see cref="ProviderWaitUntilUtc"/> (a UTC midnight, see <see cref="Llm.Budgets.SpendLimits.IsReset"/>).</summary>
    public bool IsWaitingForBudget => IsWaitingForProvider && ProviderWaitUntilUtc is { } until && Llm.Budgets.SpendLimits.IsReset(until);

    public static RunProgress FromCounts(Guid runId, Guid campaignId, RunStatus status, IReadOnlyDictionary<GenerationTaskStatus, int> counts)
    {
        int Count(GenerationTaskStatus s) => counts.TryGetValue(s, out var n) ? n : 0;
        return new RunProgress(runId, campaignId, status, counts.Values.Sum(),
            Count(GenerationTaskStatus.Done), Count(GenerationTaskStatus.NeedsAttention), Count(GenerationTaskStatus.Cancelled),
            Count(GenerationTaskStatus.Pending), Count(GenerationTaskStatus.Claimed));
    }
}
