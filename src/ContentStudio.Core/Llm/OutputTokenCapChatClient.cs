using Microsoft.Extensions.AI;

namespace ContentStudio.Core.Llm;

/// <summary>Gives every request an output-token cap: a caller that sets none (a judge, a preview) gets
/// Llm:DefaultMaxOutputTokens. Without a cap a provider may write until its own, much larger, limit, and the
/// per-user budget cannot bound what one call costs.</summary>
public sealed class OutputTokenCapChatClient(IChatClient innerClient, int defaultMaxOutputTokens) : DelegatingChatClient(innerClient)
{
    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default) =>
        base.GetResponseAsync(messages, WithCap(options), cancellationToken);

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default) =>
        base.GetStreamingResponseAsync(messages, WithCap(options), cancellationToken);

    /// <summary>A copy, so the caller's options object is never changed under it.</summary>
    ChatOptions WithCap(ChatOptions? options)
    {
        if (options?.MaxOutputTokens is not null) return options;
        var capped = options?.Clone() ?? new ChatOptions();
        capped.MaxOutputTokens = defaultMaxOutputTokens;
        return capped;
    }
}
