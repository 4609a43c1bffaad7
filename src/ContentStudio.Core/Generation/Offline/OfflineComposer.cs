using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.AI;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Llm;

namespace ContentStudio.Core.Generation.Offline;

/// <summary>The default model provider: no key, no network. It writes marketing copy from the structured
/// <see cref="CompositionRequest"/> that travels beside the messages, choosing a different angle per
/// variant, honouring the brand's voice and word rules and the channel's limits, and using only facts
/// from the brief. Same request and seed → byte-identical JSON.</summary>
public sealed class OfflineComposer : IChatClient
{
    public const string ProviderName = "Offline";
    public const string ModelName = "offline-composer-1";

    private static readonly ChatClientMetadata Metadata = new(ProviderName, providerUri: null, defaultModelId: ModelName);

    // Relaxed escaping keeps apostrophes and accents readable in the raw output a reviewer can open;
    // the UI encodes on render, so nothing here is placed into HTML unencoded.
    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        cancellationToken.ThrowIfCancellationRequested();
        var list = messages.ToList();
        var json = ComposeJson(options);
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, json) { MessageId = MessageId(json) })
        {
            ModelId = ModelName,
            ResponseId = ResponseId(json),
            FinishReason = ChatFinishReason.Stop,
            Usage = Usage(list, json),
        };
        return Task.FromResult(response);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages,
        ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var list = messages.ToList();
        var json = ComposeJson(options);
        var (responseId, messageId) = (ResponseId(json), MessageId(json));
        foreach (var chunk in Chunks(json, 48))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return new ChatResponseUpdate(ChatRole.Assistant, chunk)
            {
                ModelId = ModelName, ResponseId = responseId, MessageId = messageId,
            };
        }
        yield return new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(Usage(list, json))])
        {
            ModelId = ModelName, ResponseId = responseId, MessageId = messageId, FinishReason = ChatFinishReason.Stop,
        };
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null) return null;
        if (serviceType == typeof(ChatClientMetadata)) return Metadata;
        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    public void Dispose() { }

    /// <summary>The fields the composer writes for a request, before JSON: for callers (benchmarks, the
    /// CLI's preview) that want the copy without a chat round trip.</summary>
    public static IReadOnlyDictionary<string, string> Compose(CompositionRequest request, int? seed = null) =>
        OfflineCopywriter.Write(request, seed ?? request.Seed);

    /// <summary>The angle a request's variant is written from.</summary>
    public static Angle AngleFor(CompositionRequest request, int? seed = null) =>
        OfflineCopywriter.AngleFor(request, seed ?? request.Seed);

    private static string ComposeJson(ChatOptions? options)
    {
        if (options?.AdditionalProperties is not { } props ||
            !props.TryGetValue(CompositionRequest.PropertyKey, out var value) || value is not CompositionRequest request)
            throw new InvalidOperationException(
                $"The offline composer writes from the structured request, but ChatOptions.AdditionalProperties[\"{CompositionRequest.PropertyKey}\"] " +
                "holds no CompositionRequest. Put the request there beside the messages (the generation pipeline does this), " +
                "or configure a real model provider.");
        // ChatOptions.Seed wins so a caller can re-roll a variant without changing the stored request.
        var seed = options.Seed is { } s ? unchecked((int)(s ^ (s >> 32))) : request.Seed;
        var fields = OfflineCopywriter.Write(request, seed);
        return ToJson(request.Channel, fields);
    }

    /// <summary>The fields as one JSON object, keys in the channel's field order (not the dictionary's).</summary>
    private static string ToJson(Channels.ChannelSpec channel, IReadOnlyDictionary<string, string> fields)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, JsonOptions))
        {
            writer.WriteStartObject();
            foreach (var field in channel.Fields) writer.WriteString(field.Name, fields.GetValueOrDefault(field.Name, ""));
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>About four characters per token, the usual rule of thumb for English text.</summary>
    internal static int EstimateTokens(int characters) => characters == 0 ? 0 : (characters + 3) / 4;

    private static UsageDetails Usage(IEnumerable<ChatMessage> messages, string json)
    {
        var input = EstimateTokens(messages.Sum(m => m.Text?.Length ?? 0));
        var output = EstimateTokens(json.Length);
        return new UsageDetails { InputTokenCount = input, OutputTokenCount = output, TotalTokenCount = input + output };
    }

    private static string ResponseId(string json) => $"offline-{(uint)StableHash.Of(json):x8}";
    private static string MessageId(string json) => $"offline-msg-{(uint)StableHash.Of("msg", json):x8}";

    /// <summary>Splits at whitespace near every <paramref name="size"/> characters, so chunks look like a
    /// model's stream and concatenate back to the exact text.</summary>
    private static IEnumerable<string> Chunks(string text, int size)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = Math.Min(text.Length, start + size);
            if (end < text.Length)
            {
                var space = text.LastIndexOf(' ', end - 1, end - start);
                if (space > start) end = space + 1;
            }
            yield return text[start..end];
            start = end;
        }
    }
}
