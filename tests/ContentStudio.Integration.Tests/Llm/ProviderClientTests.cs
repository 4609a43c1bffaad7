using ContentStudio.Testing;
using ContentStudio.Core.Llm;
using ContentStudio.Integration.Tests.Infrastructure;
using Microsoft.Extensions.AI;

namespace ContentStudio.Integration.Tests.Llm;

/// <summary>The provider client (the SDK through Microsoft.Extensions.AI's AsIChatClient) with only the error stage
/// next to it, no retries, against a real HTTP endpoint.</summary>
[Collection(LlmTestKit.Collection)]
public sealed class ProviderClientTests : IAsyncLifetime
{
    FakeOpenAiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAiServer.StartAsync();
    public async Task DisposeAsync() => await _server.DisposeAsync();

    IChatClient Adapter(string? endpoint = null) => LlmTestKit.ProviderClient(new LlmOptions
    {
        Provider = LlmProvider.OpenAICompatible, Endpoint = endpoint ?? _server.BaseUri.ToString(), Model = "fake-model",
        AttemptTimeoutSeconds = 30 /* only the hang test below waits for a timeout; a cut or an error must arrive well before this even on a loaded machine */,
    });

    static readonly ChatMessage[] Conversation = [new(ChatRole.System, "sys"), new(ChatRole.User, "user"), new(ChatRole.Assistant, "before"), new(ChatRole.User, "again")];

    [Fact]
    public async Task SendsMessagesAndSettingsAndReadsTextUsageAndFinishReason()
    {
        _server.Then(FakeReply.Text("""{"headline": "Hi"}"""));
        var response = await Adapter().GetResponseAsync(Conversation,
            new ChatOptions { Temperature = 0.25f, MaxOutputTokens = 123, Seed = 99, ResponseFormat = ChatResponseFormat.Json });

        response.Text.ShouldBe("""{"headline": "Hi"}""");
        response.FinishReason.ShouldBe(ChatFinishReason.Stop);
        response.ModelId.ShouldBe("fake-model");
        response.Usage!.InputTokenCount.ShouldBe(25);
        response.Usage.OutputTokenCount.ShouldBe(5);

        var body = _server.Requests.Single().Body;
        body["model"]!.GetValue<string>().ShouldBe("fake-model");
        body["temperature"]!.GetValue<double>().ShouldBe(0.25, 0.0001);
        (body["max_completion_tokens"] ?? body["max_tokens"])!.GetValue<int>().ShouldBe(123);
        body["seed"]!.GetValue<long>().ShouldBe(99);
        body["response_format"]!["type"]!.GetValue<string>().ShouldBe("json_object");
        body.ContainsKey("contentstudio.request").ShouldBeFalse();
        _server.Requests.Single().Messages.Select(m => m!["role"]!.GetValue<string>()).ShouldBe(["system", "user", "assistant", "user"]);
    }

    [Fact]
    public async Task SendsTheKeyAsABearerToken()
    {
        _server.Then(FakeReply.Text("ok"));
        var adapter = LlmTestKit.ProviderClient(new LlmOptions { Provider = LlmProvider.OpenAI, Endpoint = _server.BaseUri.ToString(), Model = "gpt-x", ApiKey = "sk-test" });
        await adapter.GetResponseAsync("hi");
        _server.Requests.Single().Headers["Authorization"].ShouldBe("Bearer sk-test");
    }

    [Fact]
    public async Task UsesTheModelIdFromTheOptionsWhenGiven()
    {
        _server.Then(FakeReply.Text("x"));
        await Adapter().GetResponseAsync("hi", new ChatOptions { ModelId = "other-model" });
        _server.Requests.Single().Body["model"]!.GetValue<string>().ShouldBe("other-model");
    }

    [Fact]
    public async Task WorksWithAnEndpointWithoutTrailingSlash()
    {
        _server.Then(FakeReply.Text("ok"));
        (await Adapter(_server.BaseUri.ToString().TrimEnd('/')).GetResponseAsync("hi")).Text.ShouldBe("ok");
    }

    [Fact]
    public async Task StreamsTextChunksFinishReasonAndUsage()
    {
        _server.Then(FakeReply.Text("""{"headline": "Streaming works fine"}"""));
        var updates = new List<ChatResponseUpdate>();
        await foreach (var u in Adapter().GetStreamingResponseAsync("hi")) updates.Add(u);

        _server.Requests.Single().Stream.ShouldBeTrue();
        updates.Count(u => u.Text.Length > 0).ShouldBeGreaterThan(1);
        string.Concat(updates.Select(u => u.Text)).ShouldBe("""{"headline": "Streaming works fine"}""");
        updates.ShouldContain(u => u.FinishReason == ChatFinishReason.Stop);
        updates.SelectMany(u => u.Contents).OfType<UsageContent>().Single().Details.InputTokenCount.ShouldBe(25);
    }

    [Fact]
    public async Task MakesOneRequestPerCallBecauseTheSdkRetriesAreOff()
    {
        _server.Then(FakeReply.Error(500));
        var e = await Should.ThrowAsync<ModelCallException>(() => Adapter().GetResponseAsync("hi"));
        e.StatusCode.ShouldBe(500);
        e.IsTransient.ShouldBeTrue();
        _server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task CarriesRetryAfterFromARateLimit()
    {
        _server.Then(FakeReply.Error(429, retryAfter: "7"));
        var e = await Should.ThrowAsync<ModelCallException>(() => Adapter().GetResponseAsync("hi"));
        (e.StatusCode, e.RetryAfter, e.IsTransient).ShouldBe((429, TimeSpan.FromSeconds(7), true));
    }

    [Fact]
    public async Task TreatsAnAuthenticationErrorAsFinal()
    {
        _server.Then(FakeReply.Error(401));
        var e = await Should.ThrowAsync<ModelCallException>(() => Adapter().GetResponseAsync("hi"));
        (e.StatusCode, e.IsTransient).ShouldBe((401, false));
    }

    [Fact]
    public async Task ReportsABodyThatIsNotJsonAsATransientFailure()
    {
        _server.Then(new FakeReply { RawBody = "<html>gateway hiccup" });
        var e = await Should.ThrowAsync<ModelCallException>(() => Adapter().GetResponseAsync("hi"));
        e.IsTransient.ShouldBeTrue();
    }

    [Fact]
    public async Task ReportsAStreamCutMidwayAsATransientCut()
    {
        _server.Then(FakeReply.StreamCut("""{"headline": "this stream will be cut"}""", afterChunks: 2));
        var seen = new List<string>();
        var e = await Should.ThrowAsync<ModelCallException>(async () =>
        {
            await foreach (var u in Adapter().GetStreamingResponseAsync("hi")) seen.Add(u.Text);
        });
        e.Kind.ShouldBe(ModelFailureKind.StreamCut);
        e.IsTransient.ShouldBeTrue();
        string.Concat(seen).ShouldBe("""{"headline": "th"""); // two chunks of eight characters
    }

    [Fact]
    public async Task TimesOutAHungResponseAtTheNetworkTimeout()
    {
        _server.Then(FakeReply.Hang(TimeSpan.FromSeconds(10)));
        var adapter = LlmTestKit.ProviderClient(new LlmOptions
        {
            Provider = LlmProvider.OpenAICompatible, Endpoint = _server.BaseUri.ToString(), Model = "m", AttemptTimeoutSeconds = 0.3,
        });
        var e = await Should.ThrowAsync<ModelCallException>(() => adapter.GetResponseAsync("hi"));
        (e.Kind, e.IsTransient).ShouldBe((ModelFailureKind.Timeout, true));
    }
}
