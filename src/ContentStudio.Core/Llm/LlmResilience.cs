using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace ContentStudio.Core.Llm;

/// <summary>The Polly pipelines behind <see cref="RetryingChatClient"/>, in two parts so the provider's slot (see
/// <see cref="ProviderThrottle"/>) is taken between them: held for one attempt, never through a back-off. Order,
/// outermost first, and why: total timeout (bounds the whole call, back-offs included) → retry (transient failures only,
/// Retry-After wins over the computed back-off) → [slot] → circuit breaker (inside the retry, so every attempt counts and
/// an open circuit stops the retries at once; 429s do not count: a busy provider is not a broken one) → attempt timeout
/// (one hung attempt is abandoned and retried; waiting for a slot is not part of it).</summary>
public static class LlmResilience
{
    /// <summary>The whole call: total timeout and retries.</summary>
    public static ResiliencePipeline BuildRetries(LlmOptions o, TimeProvider? time = null, ILogger? logger = null)
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
        return builder.Build();
    }

    /// <summary>One attempt: circuit breaker and attempt timeout.</summary>
    public static ResiliencePipeline BuildAttempt(LlmOptions o, TimeProvider? time = null, ILogger? logger = null)
    {
        var builder = new ResiliencePipelineBuilder { Name = "llm-attempt" };
        if (time is not null) builder.TimeProvider = time;
        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            Name = "llm-circuit",
            // A 429 means "slower", which the throttle does; counting it would turn a busy provider into an outage.
            ShouldHandle = args => new ValueTask<bool>(IsTransient(args.Outcome.Exception) && !IsRateLimit(args.Outcome.Exception)),
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

    /// <summary>The provider asked the caller to slow down (HTTP 429), with or without saying for how long.</summary>
    public static bool IsRateLimit(Exception? e) => e is ModelCallException { StatusCode: 429 };

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
