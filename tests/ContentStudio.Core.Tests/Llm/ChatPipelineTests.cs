using ContentStudio.Testing;
using ContentStudio.Core.Llm;
using Microsoft.Extensions.AI;

namespace ContentStudio.Core.Tests.Llm;

public class ChatPipelineTests
{
    sealed class Tracing(IChatClient inner, string name, List<string> log) : DelegatingChatClient(inner)
    {
        public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            log.Add($"{name} in");
            var response = await base.GetResponseAsync(messages, options, cancellationToken);
            log.Add($"{name} out");
            return response;
        }
    }

    [Fact]
    public void StacksTokenCapUsageLoggingRetriesTelemetryAndProviderErrorsInThatOrder()
    {
        var inner = new TestChatClient();
        var pipeline = LlmServiceCollectionExtensions.CreatePipeline(inner, new LlmOptions(), new InMemoryLlmUsageRecorder(), "test", "m",
            loggerFactory: Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        var cap = pipeline.ShouldBeOfType<OutputTokenCapChatClient>();
        var usage = Inner(cap).ShouldBeOfType<UsageRecordingChatClient>();
        var logging = Inner(usage).ShouldBeOfType<LoggingChatClient>();
        var retry = Inner(logging).ShouldBeOfType<RetryingChatClient>();
        var telemetry = Inner(retry).ShouldBeOfType<OpenTelemetryChatClient>();
        var errors = Inner(telemetry).ShouldBeOfType<ProviderErrorsChatClient>();
        Inner(errors).ShouldBeSameAs(inner);
        pipeline.GetService<ProviderThrottle>().ShouldBeSameAs(retry.Throttle);
    }

    [Fact]
    public async Task GivesARequestWithoutACapTheDefaultAndLeavesAnOwnCapAlone()
    {
        var inner = new TestChatClient().ThenReply("{}");
        var pipeline = LlmServiceCollectionExtensions.CreatePipeline(inner, new LlmOptions { DefaultMaxOutputTokens = 333 }, new InMemoryLlmUsageRecorder(), "test", "m");
        var own = new ChatOptions { MaxOutputTokens = 77 };

        await pipeline.GetResponseAsync("judge this", new ChatOptions { Temperature = 0 });
        await pipeline.GetResponseAsync("judge this");
        await pipeline.GetResponseAsync("write this", own);

        inner.Calls.Select(c => c.Options!.MaxOutputTokens).ShouldBe([333, 333, 77]);
        own.MaxOutputTokens.ShouldBe(77);
    }

    static IChatClient Inner(DelegatingChatClient client) =>
        (IChatClient)typeof(DelegatingChatClient).GetProperty("InnerClient", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!.GetValue(client)!;
}
