using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace ContentStudio.Core.Llm;

/// <summary>The pipeline's innermost stage, next to the provider client: whatever the SDK throws leaves as a
/// <see cref="ModelCallException"/> (status, Retry-After, transient or not) with provider text redacted (see
/// <see cref="OpenAIErrors"/>), so every stage above it, telemetry and logging included, only ever sees masked text. A
/// stream that ends without a finish reason is reported as cut: the SDK ends an SSE stream quietly when a server drops
/// the connection between events, and passing the text on as whole would hide the cut.</summary>
public sealed class ProviderErrorsChatClient(IChatClient inner, SecretRedactor? redactor = null) : DelegatingChatClient(inner)
{
    readonly SecretRedactor _redactor = redactor ?? SecretRedactor.PatternsOnly;

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (OpenAIErrors.Translate(e, cancellationToken, streamStarted: false, _redactor) is { } translated)
        {
            throw translated;
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages,
        ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        IAsyncEnumerator<ChatResponseUpdate>? enumerator = null;
        var started = false;
        var finished = false;
        try
        {
            while (true)
            {
                ChatResponseUpdate update;
                try
                {
                    enumerator ??= base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
                    if (!await enumerator.MoveNextAsync().ConfigureAwait(false)) break;
                    update = enumerator.Current;
                }
                catch (Exception e) when (OpenAIErrors.Translate(e, cancellationToken, started, _redactor) is { } translated)
                {
                    throw translated;
                }
                started = true;
                finished |= update.FinishReason is not null;
                yield return update;
            }
        }
        finally
        {
            if (enumerator is not null) await enumerator.DisposeAsync().ConfigureAwait(false);
        }

        if (!finished)
            throw new ModelCallException("the model's stream ended before it finished (no finish reason): the connection was probably cut",
                ModelFailureKind.StreamCut, isTransient: true);
    }
}
