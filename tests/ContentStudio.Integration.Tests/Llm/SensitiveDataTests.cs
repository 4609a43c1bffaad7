using ContentStudio.Core.Llm;
using ContentStudio.Integration.Tests.Infrastructure;
using ContentStudio.Testing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace ContentStudio.Integration.Tests.Llm;

/// <summary>Microsoft.Extensions.AI's logging stage writes whole prompts and replies at Trace: the pipeline keeps them out
/// of the log unless Llm:EnableSensitiveData is on, even when the host logs at Trace.</summary>
public sealed class SensitiveDataTests
{
    [Fact]
    public async Task KeepsPromptsAndRepliesOutOfTheLogUnlessSensitiveDataIsOn()
    {
        foreach (var sensitive in new[] { false, true })
        {
            var log = new CapturingLoggerProvider();
            using var factory = LoggerFactory.Create(b => b.AddProvider(log).SetMinimumLevel(LogLevel.Trace));
            var pipeline = LlmServiceCollectionExtensions.CreatePipeline(new TestChatClient().ThenReply("the unreviewed reply"),
                new LlmOptions { EnableSensitiveData = sensitive }, new InMemoryLlmUsageRecorder(), "test", "m", loggerFactory: factory);

            await pipeline.GetResponseAsync("the confidential brief");

            log.Entries.ShouldContain(e => e.Message.Contains("GetResponseAsync"), "the call itself is logged either way");
            log.Entries.Any(e => e.Message.Contains("the confidential brief")).ShouldBe(sensitive);
            log.Entries.Any(e => e.Message.Contains("the unreviewed reply")).ShouldBe(sensitive);
        }
    }
}
