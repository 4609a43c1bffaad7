using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace ContentStudio.Core.Llm;

/// <summary>Stacks <see cref="DelegatingChatClient"/> middleware around a client. The first step added is the
/// outermost (it sees the call first and the result last), as in Microsoft.Extensions.AI's ChatClientBuilder,
/// which is not restorable here. Frozen by <see cref="Build"/>, so a built pipeline cannot change under callers.</summary>
public sealed class ChatPipelineBuilder(IChatClient innerClient)
{
    readonly List<Func<IChatClient, IChatClient>> _steps = [];
    bool _built;

    public ChatPipelineBuilder Use(Func<IChatClient, IChatClient> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (_built) throw new InvalidOperationException("The chat pipeline was already built: add every step before Build()");
        _steps.Add(step);
        return this;
    }

    public IChatClient Build()
    {
        if (_built) throw new InvalidOperationException("The chat pipeline was already built: Build() may be called once");
        _built = true;
        var client = innerClient;
        // Wrap from the last-added inwards so the first-added ends up outermost.
        for (var i = _steps.Count - 1; i >= 0; i--)
            client = _steps[i](client) ?? throw new InvalidOperationException($"Chat pipeline step {i} returned null");
        return client;
    }
}

/// <summary>The catalog of steps, in the order <see cref="LlmServiceCollectionExtensions.AddLlm"/> uses them.</summary>
public static class ChatPipelineBuilderExtensions
{
    public static ChatPipelineBuilder UseOutputTokenCap(this ChatPipelineBuilder b, int defaultMaxOutputTokens) =>
        b.Use(inner => new OutputTokenCapChatClient(inner, defaultMaxOutputTokens));

    public static ChatPipelineBuilder UseUsageRecording(this ChatPipelineBuilder b, ILlmUsageRecorder recorder, string provider, string model, TimeProvider? time = null) =>
        b.Use(inner => new UsageRecordingChatClient(inner, recorder, provider, model, time));

    /// <summary>Budgets and the ledger; <paramref name="limits"/> null (no database, e.g. tools) adds nothing.</summary>
    public static ChatPipelineBuilder UseSpendLimits(this ChatPipelineBuilder b, Budgets.SpendLimits? limits, string provider, string model, TimeProvider? time = null) =>
        b.Use(inner => limits is null ? inner : new Budgets.SpendLimitChatClient(inner, limits, provider, model, time));

    public static ChatPipelineBuilder UseRetries(this ChatPipelineBuilder b, LlmOptions options, TimeProvider? time = null, ILogger? logger = null) =>
        b.Use(inner => new RetryingChatClient(inner, options, time, logger));
}
