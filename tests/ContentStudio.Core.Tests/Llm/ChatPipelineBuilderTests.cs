using ContentStudio.Testing;
using ContentStudio.Core.Llm;
using Microsoft.Extensions.AI;

namespace ContentStudio.Core.Tests.Llm;

public class ChatPipelineBuilderTests
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
    public async Task BuildsPipelineInOrderAdded()
    {
        var log = new List<string>();
        var client = new ChatPipelineBuilder(new TestChatClient().ThenReply("ok"))
            .Use(c => new Tracing(c, "first", log))
            .Use(c => new Tracing(c, "second", log))
            .Build();
        await client.GetResponseAsync("hi");
        log.ShouldBe(["first in", "second in", "second out", "first out"]);
    }

    [Fact]
    public void RefusesStepsAfterBuild()
    {
        var builder = new ChatPipelineBuilder(new TestChatClient());
        builder.Build();
        Should.Throw<InvalidOperationException>(() => builder.Use(c => c)).Message.ShouldContain("already built");
        Should.Throw<InvalidOperationException>(() => builder.Build());
    }

    [Fact]
    public void PutsTheTokenCapOutsideUsageOutsideTheRetriesWhichHoldTheProvidersLimit()
    {
        var inner = new TestChatClient();
        var pipeline = LlmServiceCollectionExtensions.CreatePipeline(inner, new LlmOptions(), new InMemoryLlmUsageRecorder(), "test", "m");
        var cap = pipeline.ShouldBeOfType<OutputTokenCapChatClient>();
        var usage = Inner(cap).ShouldBeOfType<UsageRecordingChatClient>();
        var retry = Inner(usage).ShouldBeOfType<RetryingChatClient>();
        pipeline.GetService<ProviderThrottle>().ShouldBeSameAs(retry.Throttle);
        Inner(retry).ShouldBeSameAs(inner);
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
