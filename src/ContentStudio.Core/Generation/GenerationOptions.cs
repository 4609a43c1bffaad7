using System.ComponentModel.DataAnnotations;

namespace ContentStudio.Core.Generation;

/// <summary>Section "Generation": how the run worker claims and processes tasks.</summary>
public sealed class GenerationOptions
{
    public const string Section = "Generation";

    /// <summary>Tasks processed at once by one worker process (model calls in flight).</summary>
    [Range(1, 64)] public int WorkerConcurrency { get; set; } = 2;

    /// <summary>How long a claim holds a task. A worker that dies lets its tasks go after this long, so keep it
    /// above the slowest model call (retries included).</summary>
    [Range(5, 3600)] public int LeaseSeconds { get; set; } = 120;

    /// <summary>How often an idle worker looks for new work.</summary>
    [Range(50, 60_000)] public int PollIntervalMilliseconds { get; set; } = 1000;

    /// <summary>Tasks claimed in one go (at most; a claim never waits for tasks another worker holds).</summary>
    [Range(1, 500)] public int BatchSize { get; set; } = 8;

    /// <summary>Claims of one task that may end without a result (crash, database error) before the task is given up
    /// and marked NeedsAttention, so a task that kills its worker cannot stall a run for ever.</summary>
    [Range(1, 100)] public int MaxAttempts { get; set; } = 5;

    /// <summary>False stops the in-process background worker (e.g. when a separate worker process runs).</summary>
    public bool WorkerEnabled { get; set; } = true;
}
