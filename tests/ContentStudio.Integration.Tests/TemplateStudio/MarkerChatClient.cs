using System.Text.Json;
using ContentStudio.Core.Llm;
using ContentStudio.Core.Generation.Offline;
using Microsoft.Extensions.AI;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Prompts;

namespace ContentStudio.Integration.Tests.TemplateStudio;

/// <summary>A stand-in model whose copy depends on the prompt: the offline composer ignores the template text, so
/// to see a template change the quality we need a model that reads it. When the system message contains "SHOUT"
/// it writes ALL-CAPS hype with the brand's first banned term (which the checks block); otherwise it answers like
/// the offline composer.</summary>
public sealed class MarkerChatClient(OfflineComposer inner) : IChatClient
{
    public const string Marker = "SHOUT";
    private int _calls;
    public int Calls => _calls;

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        var list = messages.ToList();
        if (!list.Any(m => m.Role == ChatRole.System && m.Text.Contains(Marker, StringComparison.Ordinal)))
            return inner.GetResponseAsync(list, options, cancellationToken);
        var request = (CompositionRequest)options!.AdditionalProperties![CompositionRequest.PropertyKey]!;
        var banned = request.Brand.BannedTerms.FirstOrDefault()?.Term ?? "guaranteed";
        var fields = request.Channel.Fields.ToDictionary(f => f.Name, f => Shout(banned, f.MaxLength));
        var json = JsonSerializer.Serialize(fields);
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, json)) { ModelId = "marker", FinishReason = ChatFinishReason.Stop });
    }

    private static string Shout(string banned, int? max)
    {
        var text = $"{banned.ToUpperInvariant()}!!! AMAZING DEAL, ACT NOW!!!";
        return max is { } m && text.Length > m ? text[..m] : text;
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;
    public void Dispose() { }
}
