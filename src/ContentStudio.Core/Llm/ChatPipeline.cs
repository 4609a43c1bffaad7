using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace ContentStudio.Core.Llm;

/// <summary>The project's own stages as <see cref="ChatClientBuilder"/> steps (Microsoft.Extensions.AI has no usage,
/// token-cap, throttle, retry or error-translation stage; see docs/decisions/004). The first step added is the
/// outermost; <see cref="LlmServiceCollectionExtensions.CreatePipeline"/> states the one order every provider gets.</summary>
public static class ChatPipeline
{
    /// <summary>The ActivitySource and Meter names of the model-call telemetry (GenAI semantic conventions).</summary>
    public const string TelemetrySourceName = "ContentStudio.Llm";

    public static ChatClientBuilder UseOutputTokenCap(this ChatClientBuilder b, int defaultMaxOutputTokens) =>
        b.Use(inner => new OutputTokenCapChatClient(inner, defaultMaxOutputTokens));

    public static ChatClientBuilder UseUsageRecording(this ChatClientBuilder b, ILlmUsageRecorder recorder, string provider, string model, TimeProvider? time = null) =>
        b.Use(inner => new UsageRecordingChatClient(inner, recorder, provider, model, time));

    /// <summary>Budgets and the ledger; <paramref name="limits"/> null (no database, e.g. tools) adds nothing.</summary>
    public static ChatClientBuilder UseSpendLimits(this ChatClientBuilder b, Budgets.SpendLimits? limits, string provider, string model, TimeProvider? time = null) =>
        b.Use(inner => limits is null ? inner : new Budgets.SpendLimitChatClient(inner, limits, provider, model, time));

    public static ChatClientBuilder UseRetries(this ChatClientBuilder b, LlmOptions options, TimeProvider? time = null, ILogger? logger = null) =>
        b.Use(inner => new RetryingChatClient(inner, options, time, logger));

    public static ChatClientBuilder UseProviderErrors(this ChatClientBuilder b, SecretRedactor redactor) =>
        b.Use(inner => new ProviderErrorsChatClient(inner, redactor));

    /// <summary>Microsoft.Extensions.AI's LoggingChatClient; prompts and replies (its Trace level) only when
    /// <paramref name="sensitiveData"/> is on.</summary>
    public static ChatClientBuilder UseStudioLogging(this ChatClientBuilder b, ILoggerFactory? loggerFactory, bool sensitiveData) =>
        loggerFactory is null ? b : b.UseLogging(sensitiveData ? loggerFactory : new ContentFreeLoggerFactory(loggerFactory));

    /// <summary>Microsoft.Extensions.AI's OpenTelemetryChatClient: a <c>chat {model}</c> span and the
    /// <c>gen_ai.client.*</c> metrics per attempt under <see cref="TelemetrySourceName"/>; message content only when
    /// <paramref name="sensitiveData"/> is on.</summary>
    public static ChatClientBuilder UseStudioTelemetry(this ChatClientBuilder b, ILoggerFactory? loggerFactory, bool sensitiveData) =>
        b.UseOpenTelemetry(loggerFactory, TelemetrySourceName, c => c.EnableSensitiveData = sensitiveData);
}
