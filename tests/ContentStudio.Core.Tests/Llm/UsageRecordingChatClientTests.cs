using ContentStudio.Testing;
using ContentStudio.Core.Llm;
using Microsoft.Extensions.AI;

namespace ContentStudio.Core.Tests.Llm;

public class UsageRecordingChatClientTests
{
    [Fact]
    public async Task RecordsTokensModelAndFailures()
    {
        var recorder = new InMemoryLlmUsageRecorder();
        var fake = new TestChatClient().ThenReply("ok", inputTokens: 120, outputTokens: 40).ThenThrow(new ModelCallException("x", ModelFailureKind.Http, false, 400));
        var client = new UsageRecordingChatClient(fake, recorder, "OpenAI", "gpt-test");
        await client.GetResponseAsync("a");
        await Should.ThrowAsync<ModelCallException>(() => client.GetResponseAsync("b"));

        recorder.Totals.ShouldBe(recorder.Totals with { Calls = 2, FailedCalls = 1, InputTokens = 120, OutputTokens = 40 });
        recorder.Recent[0].Model.ShouldBe("test-model");
        recorder.Recent[0].Provider.ShouldBe("OpenAI");
        recorder.Recent[1].Succeeded.ShouldBeFalse();
        recorder.Recent[1].Model.ShouldBe("gpt-test");
    }

    [Fact]
    public async Task RecordsUsageReportedAtTheEndOfAStream()
    {
        var recorder = new InMemoryLlmUsageRecorder();
        var fake = new TestChatClient { Stream = _ => Updates() };
        await foreach (var _ in new UsageRecordingChatClient(fake, recorder, "OpenAI", "m").GetStreamingResponseAsync("a")) { }
        recorder.Totals.InputTokens.ShouldBe(7);
        recorder.Totals.OutputTokens.ShouldBe(3);
        recorder.Totals.FailedCalls.ShouldBe(0);
    }

    static async IAsyncEnumerable<ChatResponseUpdate> Updates()
    {
        await Task.Yield();
        yield return new ChatResponseUpdate(ChatRole.Assistant, "hi");
        yield return new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(new UsageDetails { InputTokenCount = 7, OutputTokenCount = 3 })]);
    }
}
