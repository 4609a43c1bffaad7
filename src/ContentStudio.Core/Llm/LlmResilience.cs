using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace ContentStudio.Core.Llm;

/// <summary>The Polly pipeline behind <see cref="RetryingChatClient"/>. Order, outermost first, and why:
/// total timeout (bounds the whole call, back-offs included) → retry (transient failures only, Retry-After wins
/// over the computed back-off) → circuit breaker (inside the retry, so every attempt counts and an open circuit
/// stops the retries at once) → attempt timeout (one hung attempt is abandoned and retried).</summary>
public static class LlmResilience
{
    public static ResiliencePipeline Build(LlmOptions o, TimeProvider? time = null, ILogger? logger = null)
    {
        var builder = new ResiliencePipelineBuilder { Name = "llm" };
        if (time is not null) builder.TimeProvider = time;
        builder.AddTimeout(new TimeoutStrategyOptions { Name = "llm-total", Timeout = o.TotalTimeout });
        if (o.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                Name = "llm-retry",
                // A Retry-After longer than the whole call may take is not worth waiting for: fail now with the 429.
                ShouldHandle = args => new ValueTask<bool>(IsTransient(args.Outcome.Exception) && !AsksToWaitTooLong(args.Outcome.Exception, o)),
                MaxRetryAttempts = o.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(o.RetryBaseDelayMilliseconds),
                MaxDelay = TimeSpan.FromSeconds(30),
                DelayGenerator = args => new ValueTask<TimeSpan?>(
                    args.Outcome.Exception is ModelCallException { RetryAfter: { } wait } ? wait : null),
                OnRetry = args =>
                {
                    logger?.LogWarning("Model call attempt {Attempt} failed ({Reason}); retrying in {DelayMs} ms",
                        args.AttemptNumber + 1, args.Outcome.Exception?.Message, (long)args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            });
        }
        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            Name = "llm-circuit",
            ShouldHandle = args => new ValueTask<bool>(IsTransient(args.Outcome.Exception)),
            FailureRatio = o.CircuitBreakerFailureRatio,
            MinimumThroughput = o.CircuitBreakerMinimumThroughput,
            SamplingDuration = TimeSpan.FromSeconds(o.CircuitBreakerSamplingDurationSeconds),
            BreakDuration = TimeSpan.FromSeconds(o.CircuitBreakerBreakDurationSeconds),
            OnOpened = args =>
            {
                logger?.LogError("Model calls paused for {BreakSeconds} s: the provider keeps failing ({Reason})",
                    args.BreakDuration.TotalSeconds, args.Outcome.Exception?.Message);
                return ValueTask.CompletedTask;
            },
        });
        builder.AddTimeout(new TimeoutStrategyOptions { Name = "llm-attempt", Timeout = o.AttemptTimeout });
        return builder.Build();
    }

    static bool AsksToWaitTooLong(Exception? e, LlmOptions o) =>
        e is ModelCallException { RetryAfter: { } wait } && wait >= o.TotalTimeout;

    /// <summary>Worth another attempt: a transient provider failure or an attempt that timed out. Never the
    /// caller's cancellation, a 4xx other than 408/429, or an open circuit.</summary>
    public static bool IsTransient(Exception? e) => e switch
    {
        ModelCallException m => m.IsTransient,
        TimeoutRejectedException => true,
        _ => false,
    };
}
