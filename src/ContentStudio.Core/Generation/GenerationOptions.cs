using System.ComponentModel.DataAnnotations;

namespace ContentStudio.Core.Generation;

/// <summary>Section "Generation": how the run worker claims and processes tasks.</summary>
public sealed class GenerationOptions : IValidatableObject
{
    public const string Section = "Generation";

    /// <summary>Tasks one worker process keeps busy at once: calling the model, waiting for a model slot, or rendering,
    /// checking and saving. A task whose call is backing off before a retry (a Retry-After) holds neither a model slot nor
    /// one of these places, so the engine claims another meanwhile (at most twice this many tasks are held in all). Four
    /// times Llm:MaxConcurrency (8), so tasks in CPU work do not leave model slots idle (docs/benchmarks.md).</summary>
    [Range(1, 64)] public int WorkerConcurrency { get; set; } = 32;

    /// <summary>How long a claim holds a task. A worker that dies lets its tasks go after this long, so keep it
    /// above the slowest model call (retries included).</summary>
    [Range(5, 3600)] public int LeaseSeconds { get; set; } = 120;

    /// <summary>How often an idle worker looks for new work.</summary>
    [Range(50, 60_000)] public int PollIntervalMilliseconds { get; set; } = 1000;

    /// <summary>Tasks claimed in one go (at most; a claim never waits for tasks another worker holds). The engine claims
    /// again whenever a task finishes, so one slow task never holds up the rest of its batch.</summary>
    [Range(1, 500)] public int BatchSize { get; set; } = 8;

    /// <summary>Claims of one task that may end without a result (crash, database error) before the task is given up
    /// and marked NeedsAttention, so a task that kills its worker cannot stall a run for ever.</summary>
    [Range(1, 100)] public int MaxAttempts { get; set; } = 5;

    /// <summary>How often one task may be put back to wait after a transient model failure (rate limit after the
    /// retries, 5xx, timeout, cut stream, open circuit) before it ends in NeedsAttention with the reason, so a provider
    /// that never recovers does not keep a run open for ever. 0 ends every such task at once.</summary>
    [Range(0, 1000)] public int MaxTransientRequeues { get; set; } = 20;

    /// <summary>Wait before a put-back task is tried again when neither the provider nor the circuit named one; doubled
    /// with every put-back of the same task, up to <see cref="MaxRequeueDelaySeconds"/>.</summary>
    [Range(0.1, 3600)] public double RequeueDelaySeconds { get; set; } = 5;

    /// <summary>Longest wait of a put-back task, whatever the provider asked for.</summary>
    [Range(0.1, 86400)] public double MaxRequeueDelaySeconds { get; set; } = 300;

    /// <summary>False stops the in-process background worker (e.g. when a separate worker process runs).</summary>
    public bool WorkerEnabled { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxRequeueDelaySeconds < RequeueDelaySeconds)
            yield return new ValidationResult(
                $"Generation:MaxRequeueDelaySeconds ({MaxRequeueDelaySeconds}) must be at least Generation:RequeueDelaySeconds ({RequeueDelaySeconds})",
                [nameof(MaxRequeueDelaySeconds)]);
    }
}
