using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace ContentStudio.Core.Llm;

/// <summary>Retries transient failures with back-off and jitter (honouring Retry-After), times out attempts and
/// whole calls, and opens a circuit when the provider keeps failing (see <see cref="LlmResilience"/>). Each attempt
/// takes a slot of the provider's <see cref="ProviderThrottle"/> and gives it back before any back-off, so a caller
/// waiting to retry leaves the provider to others; 429s slow the throttle down instead of counting as failures. A stream
/// is retried only until its first chunk: after that, text has reached the caller and a retry would repeat it; it keeps
/// its slot until it ends. Failures leave as <see cref="ModelCallException"/> with the number of attempts made. While it
/// backs off, it tells <see cref="BackOffListener"/>, so the work it is done for need not count as busy.</summary>
public sealed class RetryingChatClient : DelegatingChatClient
{
    /// <summary>Key in <see cref="ChatResponse.AdditionalProperties"/> (and the first streamed update) holding the attempts made.</summary>
    public const string AttemptsPropertyKey = "contentstudio.attempts";

    readonly ResiliencePipeline _retries;
    readonly ResiliencePipeline _attempt;
    readonly LlmOptions _options;

    public RetryingChatClient(IChatClient inner, LlmOptions options, TimeProvider? time = null, ILogger? logger = null,
        ProviderThrottle? throttle = null) : base(inner)
    {
        _options = options;
        _retries = LlmResilience.BuildRetries(options, time, logger);
        _attempt = LlmResilience.BuildAttempt(options, time, logger);
        Throttle = throttle ?? new ProviderThrottle(options.MaxConcurrency, time);
    }

    /// <summary>The provider's limit every caller of this pipeline shares.</summary>
    public ProviderThrottle Throttle { get; }

    public override object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(ProviderThrottle) ? Throttle : base.GetService(serviceType, serviceKey);

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        var attempts = 0;
        try
        {
            var response = await _retries.ExecuteAsync(async token =>
            {
                BackOffListener.Report(false); // ready again: waiting for a slot is not backing off
                using var slot = await Throttle.AcquireAsync(token).ConfigureAwait(false);
                attempts++;
                try
                {
                    var answer = await _attempt.ExecuteAsync(t => new ValueTask<ChatResponse>(base.GetResponseAsync(list, options, t)), token).ConfigureAwait(false);
                    slot.Succeeded();
                    return answer;
                }
                catch (Exception e)
                {
                    slot.Failed(e); // before the retry's back-off: the slot is free while this caller waits
                    BackOffListener.Report(true);
                    throw;
                }
            }, cancellationToken).ConfigureAwait(false);
            (response.AdditionalProperties ??= [])[AttemptsPropertyKey] = attempts;
            return response;
        }
        catch (Exception e) when (Translate(e, attempts, cancellationToken) is { } translated)
        {
            throw translated;
        }
        finally
        {
            BackOffListener.Report(false);
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        // The pipeline's total timeout covers only the start of the stream; this one covers all of it.
        using var total = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        total.CancelAfter(_options.TotalTimeout);
        var attempts = 0;
        StreamStart start;
        try
        {
            start = await _retries.ExecuteAsync(async token =>
            {
                BackOffListener.Report(false);
                var slot = await Throttle.AcquireAsync(token).ConfigureAwait(false);
                attempts++;
                try
                {
                    var started = await _attempt.ExecuteAsync(t => new ValueTask<StreamStart>(StartStreamAsync(list, options, t, total.Token, slot)), token)
                        .ConfigureAwait(false);
                    slot.Succeeded(); // the provider took the call; the slot stays taken until the stream ends
                    return started;
                }
                catch (Exception e)
                {
                    slot.Failed(e);
                    BackOffListener.Report(true);
                    throw;
                }
            }, total.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (Translate(e, attempts, cancellationToken) is { } translated)
        {
            throw translated;
        }
        finally
        {
            BackOffListener.Report(false);
        }

        await using var _ = start;
        if (start.First is null) yield break;
        (start.First.AdditionalProperties ??= [])[AttemptsPropertyKey] = attempts;
        yield return start.First;
        while (true)
        {
            ChatResponseUpdate update;
            try
            {
                if (!await start.Enumerator.MoveNextAsync().ConfigureAwait(false)) yield break;
                update = start.Enumerator.Current;
            }
            catch (Exception e) when (Translate(e, attempts, cancellationToken) is { } translated)
            {
                throw translated;
            }
            yield return update;
        }
    }

    /// <summary>Opens the stream and waits for its first chunk. The enumerator lives on after Polly's attempt
    /// scope ends, so it runs on its own token source: linked to the whole call, and cancelled by Polly's attempt
    /// token only until the first chunk arrives.</summary>
    async Task<StreamStart> StartStreamAsync(IList<ChatMessage> messages, ChatOptions? options, CancellationToken attemptToken, CancellationToken totalToken,
        ProviderThrottle.Slot slot)
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(totalToken);
        IAsyncEnumerator<ChatResponseUpdate>? enumerator = null;
        try
        {
            await using (attemptToken.Register(static s => ((CancellationTokenSource)s!).Cancel(), cts).ConfigureAwait(false))
            {
                enumerator = base.GetStreamingResponseAsync(messages, options, cts.Token).GetAsyncEnumerator(cts.Token);
                var first = await enumerator.MoveNextAsync().ConfigureAwait(false) ? enumerator.Current : null;
                return new StreamStart(enumerator, first, cts, slot);
            }
        }
        catch
        {
            if (enumerator is not null) await enumerator.DisposeAsync().ConfigureAwait(false);
            cts.Dispose();
            throw;
        }
    }

    ModelCallException? Translate(Exception e, int attempts, CancellationToken callerToken)
    {
        switch (e)
        {
            case OperationCanceledException when callerToken.IsCancellationRequested:
                return null;
            case ModelCallException m:
                m.Attempts = attempts;
                return null;
            case TimeoutRejectedException:
            case OperationCanceledException: // not the caller's: the whole-call timeout, or an attempt timeout racing the first chunk
                return new ModelCallException(
                    $"the model did not answer in time: {attempts} attempt(s), {_options.AttemptTimeoutSeconds:0.###} s per attempt, {_options.TotalTimeoutSeconds:0.###} s in all",
                    ModelFailureKind.Timeout, isTransient: true, innerException: e) { Attempts = attempts };
            case BrokenCircuitException b:
                return new ModelCallException(
                    $"calls to the model are paused after repeated failures (circuit open){(b.RetryAfter is { } w ? $"; try again in {w.TotalSeconds:0.#} s" : "")}",
                    ModelFailureKind.CircuitOpen, isTransient: true, retryAfter: b.RetryAfter, innerException: e) { Attempts = attempts };
            default:
                return null;
        }
    }

    sealed record StreamStart(IAsyncEnumerator<ChatResponseUpdate> Enumerator, ChatResponseUpdate? First, CancellationTokenSource Cts,
        ProviderThrottle.Slot Slot) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Enumerator.DisposeAsync().ConfigureAwait(false);
            Cts.Dispose();
            Slot.Dispose();
        }
    }
}
