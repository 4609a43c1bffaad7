using System.Text.Json;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Llm;
using ContentStudio.Core.Generation.Offline;
using Microsoft.Extensions.AI;
using static ContentStudio.Core.Tests.Generation.Offline.OfflineFixtures;
using ContentStudio.Core.Generation;

namespace ContentStudio.Core.Tests.Generation.Offline;

/// <summary>The composer as an <see cref="IChatClient"/>: the contract the generation pipeline relies on.</summary>
public class OfflineComposerTests
{
    private static readonly ChatMessage[] Messages =
        [new(ChatRole.System, new string('s', 40)), new(ChatRole.User, new string('u', 81))];

    public static TheoryData<string> ChannelKeys() => [.. ChannelCatalog.All.Select(c => c.Key)];

    [Theory]
    [MemberData(nameof(ChannelKeys))]
    public async Task AnswersWithJsonHoldingExactlyTheChannelsFields(string channelKey)
    {
        ChannelCatalog.TryParse(channelKey, out var channel).ShouldBeTrue();
        var request = Request(channel);

        var response = await new OfflineComposer().GetResponseAsync(Messages, Options(request));

        response.Messages.Count.ShouldBe(1);
        response.Messages[0].Role.ShouldBe(ChatRole.Assistant);
        using var json = JsonDocument.Parse(response.Text);
        var names = json.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        names.ShouldBe(channel.Fields.Select(f => f.Name).ToList());
        json.RootElement.EnumerateObject().ShouldAllBe(p => p.Value.ValueKind == JsonValueKind.String);
        foreach (var field in channel.Fields.Where(f => f.Required))
            json.RootElement.GetProperty(field.Name).GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task SameRequestAndSeedGiveByteIdenticalOutput()
    {
        foreach (var channel in ChannelCatalog.All)
        {
            var request = Request(channel, variant: 3);
            var first = await new OfflineComposer().GetResponseAsync(Messages, Options(request));
            var second = await new OfflineComposer().GetResponseAsync(Messages, Options(request with { }));
            second.Text.ShouldBe(first.Text);
            second.ResponseId.ShouldBe(first.ResponseId);
        }
    }

    [Fact]
    public async Task ChatOptionsSeedWinsOverTheRequestSeed()
    {
        var composer = new OfflineComposer();
        var request = Request(ChannelCatalog.Email, seed: 42);

        var fromRequest = (await composer.GetResponseAsync(Messages, Options(request))).Text;
        var sameSeed = (await composer.GetResponseAsync(Messages, Options(request, seed: 42))).Text;
        var otherSeeds = new List<string>();
        foreach (var seed in new long[] { 7, 1_000_003, long.MaxValue })
            otherSeeds.Add((await composer.GetResponseAsync(Messages, Options(request, seed))).Text);

        sameSeed.ShouldBe(fromRequest);
        otherSeeds.ShouldAllBe(text => text != fromRequest);
    }

    [Fact]
    public async Task ReportsModelUsageAndAStopFinish()
    {
        var response = await new OfflineComposer().GetResponseAsync(Messages, Options(Request(ChannelCatalog.Sms)));

        response.ModelId.ShouldBe(OfflineComposer.ModelName);
        response.ModelId.ShouldBe("offline-composer-1");
        response.FinishReason.ShouldBe(ChatFinishReason.Stop);
        response.Usage.ShouldNotBeNull();
        response.Usage.InputTokenCount.ShouldBe((40 + 81 + 3) / 4);
        response.Usage.OutputTokenCount.ShouldBe((response.Text.Length + 3) / 4);
        response.Usage.TotalTokenCount.ShouldBe(response.Usage.InputTokenCount + response.Usage.OutputTokenCount);
    }

    [Fact]
    public async Task StreamingYieldsSeveralChunksThatConcatenateToTheSameText()
    {
        var composer = new OfflineComposer();
        var options = Options(Request(ChannelCatalog.Email, variant: 1));
        var whole = await composer.GetResponseAsync(Messages, options);

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in composer.GetStreamingResponseAsync(Messages, options)) updates.Add(update);

        updates.Count(u => u.Text.Length > 0).ShouldBeGreaterThan(2);
        string.Concat(updates.Select(u => u.Text)).ShouldBe(whole.Text);
        updates.ShouldAllBe(u => u.ModelId == OfflineComposer.ModelName && u.Role == ChatRole.Assistant);
        updates[^1].FinishReason.ShouldBe(ChatFinishReason.Stop);
        var usage = updates.SelectMany(u => u.Contents).OfType<UsageContent>().Single();
        usage.Details.OutputTokenCount.ShouldBe(whole.Usage!.OutputTokenCount);
        updates.ToChatResponse().Text.ShouldBe(whole.Text);
    }

    [Fact]
    public async Task WithoutTheStructuredRequestItFailsWithAClearMessage()
    {
        var composer = new OfflineComposer();
        var wrongType = new ChatOptions
        {
            AdditionalProperties = new AdditionalPropertiesDictionary { [CompositionRequest.PropertyKey] = "not a request" },
        };

        foreach (var options in new ChatOptions?[] { null, new ChatOptions(), wrongType })
        {
            var error = await Should.ThrowAsync<InvalidOperationException>(() => composer.GetResponseAsync(Messages, options));
            error.Message.ShouldContain(CompositionRequest.PropertyKey);
            error.Message.ShouldContain("CompositionRequest");
        }
        await Should.ThrowAsync<InvalidOperationException>(async () =>
        {
            await foreach (var _ in composer.GetStreamingResponseAsync(Messages, null)) { }
        });
    }

    [Fact]
    public void GetServiceFollowsTheChatClientContract()
    {
        IChatClient composer = new OfflineComposer();

        var metadata = composer.GetService<ChatClientMetadata>();
        metadata.ShouldNotBeNull();
        metadata.ProviderName.ShouldBe("Offline");
        metadata.ProviderName.ShouldBe(OfflineComposer.ProviderName);
        metadata.DefaultModelId.ShouldBe(OfflineComposer.ModelName);
        composer.GetService<IChatClient>().ShouldBeSameAs(composer);
        composer.GetService<OfflineComposer>().ShouldBeSameAs(composer);
        composer.GetService(typeof(IChatClient), serviceKey: "other").ShouldBeNull();
        composer.GetService(typeof(string)).ShouldBeNull();
        Should.Throw<ArgumentNullException>(() => composer.GetService(null!));
    }

    [Fact]
    public async Task HonoursCancellation()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() =>
            new OfflineComposer().GetResponseAsync(Messages, Options(Request(ChannelCatalog.Ad)), cancelled.Token));
    }
}
