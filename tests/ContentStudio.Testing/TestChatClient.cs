using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace ContentStudio.Testing;

/// <summary>A hand-written fake: each call runs the next scripted step (the last one repeats) and is recorded.</summary>
public sealed class TestChatClient : IChatClient
{
    readonly List<Func<CallInfo, Task<ChatResponse>>> _steps = [];
    public List<CallInfo> Calls { get; } = [];
    public Func<CallInfo, IAsyncEnumerable<ChatResponseUpdate>>? Stream { get; set; }
    public ChatClientMetadata Metadata { get; set; } = new("test", null, "test-model");

    public sealed record CallInfo(int Number, IReadOnlyList<ChatMessage> Messages, ChatOptions? Options, CancellationToken Token, DateTime AtUtc);

    public TestChatClient Then(Func<CallInfo, Task<ChatResponse>> step) { _steps.Add(step); return this; }
    public TestChatClient ThenReply(string text, int inputTokens = 10, int outputTokens = 5) => Then(_ => Task.FromResult(Reply(text, inputTokens, outputTokens)));
    public TestChatClient ThenThrow(Exception e) => Then(_ => Task.FromException<ChatResponse>(e));

    public static ChatResponse Reply(string text, int inputTokens = 10, int outputTokens = 5) =>
        new(new ChatMessage(ChatRole.Assistant, text))
        {
            ModelId = "test-model",
            FinishReason = ChatFinishReason.Stop,
            Usage = new UsageDetails { InputTokenCount = inputTokens, OutputTokenCount = outputTokens },
        };

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var call = Record(messages, options, cancellationToken);
        if (_steps.Count == 0) throw new InvalidOperationException("TestChatClient has no scripted reply");
        return _steps[Math.Min(call.Number - 1, _steps.Count - 1)](call);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var call = Record(messages, options, cancellationToken);
        var stream = Stream ?? throw new InvalidOperationException("TestChatClient has no scripted stream");
        await foreach (var update in stream(call).WithCancellation(cancellationToken)) yield return update;
    }

    CallInfo Record(IEnumerable<ChatMessage> messages, ChatOptions? options, CancellationToken token)
    {
        lock (Calls)
        {
            var call = new CallInfo(Calls.Count + 1, messages.ToList(), options, token, DateTime.UtcNow);
            Calls.Add(call);
            return call;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ChatClientMetadata) ? Metadata : serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose() { }
}
