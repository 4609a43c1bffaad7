using System.ClientModel;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;
using AIChatFinishReason = Microsoft.Extensions.AI.ChatFinishReason;
using AIChatResponseFormat = Microsoft.Extensions.AI.ChatResponseFormat;
using OpenAIChatMessage = OpenAI.Chat.ChatMessage;

namespace ContentStudio.Core.Llm;

/// <summary>An <see cref="IChatClient"/> over the OpenAI SDK's <see cref="ChatClient"/> (OpenAI, Azure OpenAI v1,
/// Ollama and other compatible servers). OpenAI 2.15.0 has no such adapter, and Microsoft.Extensions.AI.OpenAI is
/// not restorable here. Every SDK failure leaves as a <see cref="ModelCallException"/>.</summary>
public sealed class OpenAIChatClientAdapter : IChatClient
{
    readonly OpenAIClient _client;
    readonly string _defaultModel;
    readonly ConcurrentDictionary<string, ChatClient> _chatClients = new(StringComparer.Ordinal);
    readonly ChatClientMetadata _metadata;
    readonly SecretRedactor _redactor;

    public OpenAIChatClientAdapter(OpenAIClient client, string defaultModel, string providerName, Uri? endpoint = null, SecretRedactor? redactor = null)
    {
        _redactor = redactor ?? SecretRedactor.PatternsOnly;
        _client = client;
        _defaultModel = defaultModel;
        _metadata = new ChatClientMetadata(providerName, endpoint, defaultModel);
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<AIChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (chat, sdkMessages, sdkOptions) = Prepare(messages, options);
        ChatCompletion completion;
        try
        {
            completion = (await chat.CompleteChatAsync(sdkMessages, sdkOptions, cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (Exception e) when (OpenAIErrors.Translate(e, cancellationToken, streamStarted: false, _redactor) is { } translated)
        {
            throw translated;
        }
        return ToResponse(completion);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<AIChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (chat, sdkMessages, sdkOptions) = Prepare(messages, options);
        IAsyncEnumerator<StreamingChatCompletionUpdate>? enumerator = null;
        var started = false;
        var finished = false;
        try
        {
            enumerator = chat.CompleteChatStreamingAsync(sdkMessages, sdkOptions, cancellationToken).GetAsyncEnumerator(cancellationToken);
            while (true)
            {
                StreamingChatCompletionUpdate update;
                try
                {
                    if (!await enumerator.MoveNextAsync().ConfigureAwait(false)) break;
                    update = enumerator.Current;
                }
                catch (Exception e) when (OpenAIErrors.Translate(e, cancellationToken, started, _redactor) is { } translated)
                {
                    throw translated;
                }
                started = true;
                finished |= update.FinishReason is not null;
                yield return ToUpdate(update);
            }
        }
        finally
        {
            if (enumerator is not null) await enumerator.DisposeAsync().ConfigureAwait(false);
        }

        // A server that drops the connection between events can end the SSE stream cleanly; without a finish
        // reason the text is incomplete, and passing it on as whole would hide the cut.
        if (!finished)
            throw new ModelCallException("the model's stream ended before it finished (no finish reason): the connection was probably cut",
                ModelFailureKind.StreamCut, isTransient: true);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? _metadata
        : serviceType.IsInstanceOfType(this) ? this
        : serviceType == typeof(OpenAIClient) ? _client
        : null;

    public void Dispose() { }

    (ChatClient, List<OpenAIChatMessage>, ChatCompletionOptions) Prepare(IEnumerable<AIChatMessage> messages, ChatOptions? options)
    {
        var model = string.IsNullOrEmpty(options?.ModelId) ? _defaultModel : options.ModelId;
        var chat = _chatClients.GetOrAdd(model, m => _client.GetChatClient(m));
        return (chat, messages.Select(ToSdkMessage).ToList(), ToSdkOptions(options));
    }

    static OpenAIChatMessage ToSdkMessage(AIChatMessage message)
    {
        var text = message.Text;
        if (message.Role == ChatRole.System) return new SystemChatMessage(text);
        if (message.Role == ChatRole.Assistant) return new AssistantChatMessage(text);
        if (message.Role == ChatRole.User) return new UserChatMessage(text);
        throw new ModelCallException($"message role '{message.Role}' is not supported by this adapter (system, user and assistant are)",
            ModelFailureKind.InvalidResponse, isTransient: false);
    }

    internal static ChatCompletionOptions ToSdkOptions(ChatOptions? options)
    {
        var sdk = new ChatCompletionOptions();
        if (options is null) return sdk;
        sdk.Temperature = options.Temperature;
        sdk.TopP = options.TopP;
        sdk.MaxOutputTokenCount = options.MaxOutputTokens;
        sdk.FrequencyPenalty = options.FrequencyPenalty;
        sdk.PresencePenalty = options.PresencePenalty;
#pragma warning disable OPENAI001 // Seed is marked experimental in the SDK; providers treat it as best effort.
        sdk.Seed = options.Seed;
#pragma warning restore OPENAI001
        if (options.StopSequences is { Count: > 0 } stops)
            foreach (var stop in stops) sdk.StopSequences.Add(stop);
        if (options.ResponseFormat is ChatResponseFormatJson)
            sdk.ResponseFormat = OpenAI.Chat.ChatResponseFormat.CreateJsonObjectFormat();
        else if (options.ResponseFormat is ChatResponseFormatText)
            sdk.ResponseFormat = OpenAI.Chat.ChatResponseFormat.CreateTextFormat();
        return sdk;
    }

    static ChatResponse ToResponse(ChatCompletion completion)
    {
        var text = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
        if (text.Length == 0 && completion.Refusal is { Length: > 0 } refusal) text = refusal;
        return new ChatResponse(new AIChatMessage(ChatRole.Assistant, text))
        {
            ResponseId = completion.Id,
            ModelId = completion.Model,
            CreatedAt = completion.CreatedAt,
            FinishReason = ToFinishReason(completion.FinishReason),
            Usage = ToUsage(completion.Usage),
            RawRepresentation = completion,
        };
    }

    static ChatResponseUpdate ToUpdate(StreamingChatCompletionUpdate update)
    {
        var contents = new List<AIContent>();
        foreach (var part in update.ContentUpdate)
            if (part.Kind == ChatMessageContentPartKind.Text && !string.IsNullOrEmpty(part.Text)) contents.Add(new TextContent(part.Text));
        if (!string.IsNullOrEmpty(update.RefusalUpdate)) contents.Add(new TextContent(update.RefusalUpdate));
        if (ToUsage(update.Usage) is { } usage) contents.Add(new UsageContent(usage));
        return new ChatResponseUpdate(ChatRole.Assistant, contents)
        {
            ResponseId = update.CompletionId,
            MessageId = update.CompletionId,
            ModelId = update.Model,
            CreatedAt = update.CreatedAt,
            FinishReason = update.FinishReason is { } reason ? ToFinishReason(reason) : null,
            RawRepresentation = update,
        };
    }

    static UsageDetails? ToUsage(ChatTokenUsage? usage) => usage is null ? null : new UsageDetails
    {
        InputTokenCount = usage.InputTokenCount,
        OutputTokenCount = usage.OutputTokenCount,
        TotalTokenCount = usage.TotalTokenCount,
    };

    static AIChatFinishReason ToFinishReason(OpenAI.Chat.ChatFinishReason reason) => reason switch
    {
        OpenAI.Chat.ChatFinishReason.Stop => AIChatFinishReason.Stop,
        OpenAI.Chat.ChatFinishReason.Length => AIChatFinishReason.Length,
        OpenAI.Chat.ChatFinishReason.ContentFilter => AIChatFinishReason.ContentFilter,
        OpenAI.Chat.ChatFinishReason.ToolCalls or OpenAI.Chat.ChatFinishReason.FunctionCall => AIChatFinishReason.ToolCalls,
        _ => new AIChatFinishReason(reason.ToString()),
    };
}
