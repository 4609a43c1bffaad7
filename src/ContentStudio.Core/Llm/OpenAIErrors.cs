using System.ClientModel;
using System.Globalization;
using System.Text.Json;

namespace ContentStudio.Core.Llm;

/// <summary>Turns what the OpenAI SDK throws into <see cref="ModelCallException"/>, keeping the status, the wait
/// the server asked for, and whether trying again can help. Provider text goes through the <see cref="SecretRedactor"/>
/// first (an error body may echo the key), and the SDK's exception, whose message holds the raw body, is not kept as the
/// inner exception of an HTTP failure, so logging the exception cannot leak what the message hides.</summary>
internal static class OpenAIErrors
{
    /// <summary>The exception to throw instead of <paramref name="e"/>, or null to let it through unchanged
    /// (the caller's own cancellation, or an exception that is already ours).</summary>
    public static ModelCallException? Translate(Exception e, CancellationToken callerToken, bool streamStarted, SecretRedactor? redactor = null)
    {
        redactor ??= SecretRedactor.PatternsOnly;
        switch (e)
        {
            case ModelCallException:
                return null;
            case OperationCanceledException when callerToken.IsCancellationRequested:
                return null;
            case OperationCanceledException:
                // Not our token: the SDK's network timeout fired.
                return new ModelCallException("the model did not answer within the network timeout", ModelFailureKind.Timeout, isTransient: true, innerException: e);
            case ClientResultException cre when cre.Status == 0:
                return new ModelCallException($"could not reach the model provider: {redactor.Redact(cre.InnerException?.Message ?? cre.Message)}",
                    streamStarted ? ModelFailureKind.StreamCut : ModelFailureKind.Network, isTransient: true, innerException: e);
            case ClientResultException cre:
                var status = cre.Status;
                return new ModelCallException($"the model provider answered HTTP {status}: {Shorten(redactor.Redact(cre.Message))}", ModelFailureKind.Http,
                    ModelCallException.IsTransientStatus(status), status, RetryAfter(cre));
            case IOException or HttpRequestException:
                return new ModelCallException(streamStarted ? $"the model's stream was cut: {redactor.Redact(e.Message)}" : $"network error talking to the model provider: {redactor.Redact(e.Message)}",
                    streamStarted ? ModelFailureKind.StreamCut : ModelFailureKind.Network, isTransient: true, innerException: e);
            case JsonException or FormatException or InvalidOperationException or KeyNotFoundException:
                // A garbled body or SSE event: most often a connection cut in the middle of a chunk.
                return new ModelCallException($"the model provider sent a response that could not be read: {redactor.Redact(e.Message)}",
                    streamStarted ? ModelFailureKind.StreamCut : ModelFailureKind.InvalidResponse, isTransient: true, innerException: e);
            default:
                return new ModelCallException($"the model call failed: {e.GetType().Name}: {redactor.Redact(e.Message)}", ModelFailureKind.InvalidResponse, isTransient: false, innerException: e);
        }
    }

    /// <summary>retry-after-ms (OpenAI, Azure) first, then Retry-After as seconds or an HTTP date.</summary>
    internal static TimeSpan? RetryAfter(ClientResultException e)
    {
        var headers = e.GetRawResponse()?.Headers;
        if (headers is null) return null;
        if (headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var millis) && millis >= 0)
            return TimeSpan.FromMilliseconds(millis);
        return headers.TryGetValue("Retry-After", out var value) ? ParseRetryAfter(value, DateTimeOffset.UtcNow) : null;
    }

    internal static TimeSpan? ParseRetryAfter(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        value = value.Trim();
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            return seconds >= 0 ? TimeSpan.FromSeconds(seconds) : null;
        if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }

    static string Shorten(string message) => message.Length <= 500 ? message : message[..500] + "…";
}
