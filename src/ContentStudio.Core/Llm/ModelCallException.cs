namespace ContentStudio.Core.Llm;

/// <summary>A model call that failed: the one exception type the LLM layer lets out (besides the caller's own
/// cancellation). Transient failures are retried by <see cref="RetryingChatClient"/>; what reaches the caller
/// has already been retried. Its message is masked for key-shaped text (the configured key itself is masked where the
/// provider's text is read, in OpenAIErrors), as it ends up on variants, in logs and on screen.</summary>
public sealed class ModelCallException : Exception
{
    public ModelCallException(string message, ModelFailureKind kind, bool isTransient, int? statusCode = null,
        TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(SecretRedactor.PatternsOnly.Redact(message), innerException)
    {
        Kind = kind;
        IsTransient = isTransient;
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    public ModelFailureKind Kind { get; }

    /// <summary>HTTP status from the provider; null when no response came (network, timeout, circuit).</summary>
    public int? StatusCode { get; }

    /// <summary>The wait the provider asked for (Retry-After / retry-after-ms), when it asked.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>True for failures worth trying again: 408, 429, 5xx, network errors, cut streams, timeouts.</summary>
    public bool IsTransient { get; }

    /// <summary>Attempts made before giving up (set by the retry middleware).</summary>
    public int Attempts { get; internal set; } = 1;

    public static bool IsTransientStatus(int status) => status is 408 or 429 || status >= 500;
}
