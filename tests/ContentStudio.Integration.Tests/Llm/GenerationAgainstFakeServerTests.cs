using ContentStudio.Testing;
using System.Diagnostics;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Llm;
using ContentStudio.Integration.Tests.Infrastructure;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Integration.Tests.Llm;

/// <summary>The whole stack as AddLlm wires it (provider client + usage + concurrency + retries + generator) against a real
/// HTTP endpoint that misbehaves. Every scenario ends in a variant or a visible NeedsAttention with the raw text.</summary>
[Collection(LlmTestKit.Collection)]
public sealed class GenerationAgainstFakeServerTests : IAsyncLifetime
{
    FakeOpenAiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAiServer.StartAsync();
    public async Task DisposeAsync() => await _server.DisposeAsync();

    async Task<GeneratedVariant> Generate(Dictionary<string, string?>? overrides = null)
    {
        using var sp = LlmTestKit.Services(_server, overrides);
        return await sp.GetRequiredService<IVariantGenerator>().GenerateAsync(LlmTestKit.Request(), CancellationToken.None);
    }

    [Fact]
    public async Task WritesAVariantWithProvenanceFromTheServer()
    {
        _server.Then(FakeReply.Text(LlmTestKit.GoodAd));
        var variant = await Generate();

        variant.Outcome.ShouldBe(VariantOutcome.Ok);
        variant.Fields["description"].ShouldBe("Cut your bill from month one.");
        variant.Provenance.ShouldBe(variant.Provenance with
        {
            TemplateName = "ad", TemplateVersion = "abcdef012345", Provider = "OpenAICompatible", Model = "fake-model",
            PromptHash = "prompt-hash", InputTokens = 25, OutputTokens = (LlmTestKit.GoodAd.Length + 3) / 4, Attempts = 1,
        });
        var body = _server.Requests.Single().Body;
        body["seed"]!.GetValue<long>().ShouldBe(7);
    }

    [Fact]
    public async Task AsksForTheChannelsFieldsAsAJsonSchemaAndKeepsTheStructuredRequestOffTheWire()
    {
        _server.Then(FakeReply.Text(LlmTestKit.GoodAd));
        (await Generate()).Outcome.ShouldBe(VariantOutcome.Ok);

        var request = _server.Requests.Single();
        var format = request.Body["response_format"]!;
        format["type"]!.GetValue<string>().ShouldBe("json_schema");
        var schema = format["json_schema"]!["schema"]!;
        schema["properties"]!.AsObject().Select(p => p.Key).ShouldBe(["headline", "description"]);
        // Microsoft.Extensions.AI's OpenAI client moves keywords OpenAI's structured outputs reject into the description.
        schema["properties"]!["headline"]!.ToJsonString().ShouldContain("maxLength");
        schema["properties"]!["headline"]!.ToJsonString().ShouldContain("30");
        schema["required"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["headline", "description"]);
        // The offline composer's structured request (brand, segment, brief) travels in ChatOptions.AdditionalProperties,
        // which the OpenAI client does not send: the provider reads only the prompt.
        request.Body.ToJsonString().ShouldNotContain(CompositionRequest.PropertyKey);
        request.Body.ToJsonString().ShouldNotContain("homeowners");
    }

    [Fact]
    public async Task EachModelCallEmitsAGenAiSpanWithModelAndTokens()
    {
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ChatPipeline.TelemetrySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (spans) spans.Add(a); },
        };
        ActivitySource.AddActivityListener(listener);
        _server.Then(FakeReply.Error(500), FakeReply.Text(LlmTestKit.GoodAd));

        (await Generate()).Outcome.ShouldBe(VariantOutcome.Ok);

        List<Activity> mine;
        lock (spans) mine = [.. spans.Where(a => a.GetTagItem("server.port") is int port && port == _server.BaseUri.Port)];
        mine.Count.ShouldBe(2, "one span per attempt");
        mine.ShouldAllBe(a => a.GetTagItem("gen_ai.operation.name") as string == "chat");
        mine.ShouldAllBe(a => a.GetTagItem("gen_ai.request.model") as string == "fake-model");
        var failed = mine[0];
        failed.Status.ShouldBe(ActivityStatusCode.Error);
        failed.GetTagItem("error.type").ShouldBe(typeof(ModelCallException).FullName);
        var ok = mine[1];
        ok.GetTagItem("gen_ai.response.model").ShouldBe("fake-model");
        ok.GetTagItem("gen_ai.usage.input_tokens").ShouldBe(25);
        ok.GetTagItem("gen_ai.usage.output_tokens").ShouldBe((LlmTestKit.GoodAd.Length + 3) / 4);
        ok.GetTagItem("gen_ai.response.finish_reasons").ShouldBe("""["stop"]""");
        // Sensitive data is off by default: no prompt or reply on the span.
        ok.Events.ShouldBeEmpty();
        ok.Tags.ShouldNotContain(t => (t.Value ?? "").Contains("SunCo Panels"));
    }

    [Fact]
    public async Task WaitsTheRetryAfterOfARateLimitThenSucceeds()
    {
        _server.Then(FakeReply.Error(429, retryAfter: "1"), FakeReply.Text(LlmTestKit.GoodAd));
        var variant = await Generate();

        variant.Outcome.ShouldBe(VariantOutcome.Ok);
        variant.Provenance.Attempts.ShouldBe(2);
        var gap = _server.Requests[1].AtUtc - _server.Requests[0].AtUtc;
        gap.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950)); // the computed back-off would be ~20 ms
        gap.ShouldBeLessThan(TimeSpan.FromSeconds(6)); // roomy: a busy CI machine stalls; what matters is the lower bound
    }

    [Fact]
    public async Task RetriesServerErrorsThenSucceeds()
    {
        _server.Then(FakeReply.Error(500), FakeReply.Error(502), FakeReply.Text(LlmTestKit.GoodAd));
        var variant = await Generate();
        variant.Outcome.ShouldBe(VariantOutcome.Ok);
        variant.Provenance.Attempts.ShouldBe(3);
        _server.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task GivesUpOnPersistentServerErrorsWithOneRequestPerAttempt()
    {
        _server.Then(FakeReply.Error(503));
        var variant = await Generate();

        variant.Outcome.ShouldBe(VariantOutcome.NeedsAttention);
        variant.Problem!.ShouldContain("HTTP 503");
        variant.Provenance.Attempts.ShouldBe(4);
        _server.Requests.Count.ShouldBe(4); // 1 + Llm:MaxRetries, so the SDK did not retry on its own
    }

    [Fact]
    public async Task DoesNotRetryARejectedRequest()
    {
        _server.Then(FakeReply.Error(400));
        var variant = await Generate();
        variant.Outcome.ShouldBe(VariantOutcome.NeedsAttention);
        variant.Problem!.ShouldContain("HTTP 400");
        _server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task AbandonsAHungResponseAndRetries()
    {
        _server.Then(FakeReply.Hang(TimeSpan.FromSeconds(20)), FakeReply.Text(LlmTestKit.GoodAd));
        var clock = Stopwatch.StartNew();
        var variant = await Generate();

        variant.Outcome.ShouldBe(VariantOutcome.Ok);
        variant.Provenance.Attempts.ShouldBe(2);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task EndsInNeedsAttentionWhenTheServerNeverAnswersInTime()
    {
        _server.Then(FakeReply.Hang(TimeSpan.FromSeconds(20)));
        var clock = Stopwatch.StartNew();
        var variant = await Generate(new() { ["Llm:AttemptTimeoutSeconds"] = "0.5", ["Llm:TotalTimeoutSeconds"] = "2" });

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(8));
        variant.Outcome.ShouldBe(VariantOutcome.NeedsAttention);
        variant.Problem!.ShouldContain("did not answer in time");
        variant.Provenance.Attempts.ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task RetriesABodyThatIsNotJson()
    {
        _server.Then(new FakeReply { RawBody = "{\"id\": \"chatcmpl-x\", \"choices\": [" }, FakeReply.Text(LlmTestKit.GoodAd));
        var variant = await Generate();
        variant.Outcome.ShouldBe(VariantOutcome.Ok);
        _server.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task RepairsMalformedJsonContentWithoutAnotherRequest()
    {
        _server.Then(FakeReply.Text("Here you go:\n```json\n{'headline': 'Solar that pays', 'description': 'Cut your bill',}\n```"));
        var variant = await Generate();
        variant.Outcome.ShouldBe(VariantOutcome.Ok);
        variant.Fields["headline"].ShouldBe("Solar that pays");
        _server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task AsksAgainWithTheParseErrorWhenContentCannotBeRepaired()
    {
        _server.Then(FakeReply.Text("Headline: Solar that pays"), FakeReply.Text(LlmTestKit.GoodAd));
        var variant = await Generate();

        variant.Outcome.ShouldBe(VariantOutcome.Ok);
        var second = _server.Requests[1].Messages;
        second.Count.ShouldBe(4);
        second[2]!["content"]!.GetValue<string>().ShouldBe("Headline: Solar that pays");
        second[3]!["content"]!.GetValue<string>().ShouldContain("no JSON object");
    }

    [Fact]
    public async Task KeepsTheRawTextWhenContentStaysUnusable()
    {
        _server.Then(FakeReply.Text("{\"headline\": [1, 2]}"));
        var variant = await Generate();

        variant.Outcome.ShouldBe(VariantOutcome.NeedsAttention);
        variant.RawOutput.ShouldBe("{\"headline\": [1, 2]}");
        variant.Problem!.ShouldContain("field 'headline' must be a string (got a list)");
        variant.Problem!.ShouldContain("missing required field 'description'");
        _server.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task KeepsConcurrentCallsWithinTheLimitAndLosesNone()
    {
        _server.Then(FakeReply.Text(LlmTestKit.GoodAd, latency: TimeSpan.FromMilliseconds(400)));
        using var sp = LlmTestKit.Services(_server, new() { ["Llm:MaxConcurrency"] = "2" });
        var generator = sp.GetRequiredService<IVariantGenerator>();
        var variants = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => generator.GenerateAsync(LlmTestKit.Request(seed: i), CancellationToken.None)));

        variants.ShouldAllBe(v => v.Outcome == VariantOutcome.Ok);
        _server.PeakConcurrency.ShouldBe(2);
        sp.GetRequiredService<ILlmUsageRecorder>().Totals.Calls.ShouldBe(6);
    }

    [Fact]
    public async Task OpensTheCircuitSoAFailingProviderIsNotHammered()
    {
        _server.Then(FakeReply.Error(500));
        using var sp = LlmTestKit.Services(_server, new() { ["Llm:MaxRetries"] = "0", ["Llm:CircuitBreakerMinimumThroughput"] = "2" });
        var generator = sp.GetRequiredService<IVariantGenerator>();
        var variants = new List<GeneratedVariant>();
        for (var i = 0; i < 4; i++) variants.Add(await generator.GenerateAsync(LlmTestKit.Request(), CancellationToken.None));

        variants.ShouldAllBe(v => v.Outcome == VariantOutcome.NeedsAttention);
        variants[^1].Problem!.ShouldContain("circuit open");
        _server.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task RetriesAStreamCutBeforeItsFirstChunk()
    {
        _server.Then(FakeReply.StreamCut(LlmTestKit.GoodAd, afterChunks: 0), FakeReply.Text(LlmTestKit.GoodAd));
        using var sp = LlmTestKit.Services(_server);
        var text = "";
        await foreach (var u in sp.Client().GetStreamingResponseAsync("hi")) text += u.Text;
        text.ShouldBe(LlmTestKit.GoodAd);
        _server.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task SurfacesAStreamCutMidwayInsteadOfRepeatingText()
    {
        _server.Then(FakeReply.StreamCut(LlmTestKit.GoodAd, afterChunks: 3), FakeReply.Text(LlmTestKit.GoodAd));
        using var sp = LlmTestKit.Services(_server);
        var text = "";
        var e = await Should.ThrowAsync<ModelCallException>(async () =>
        {
            await foreach (var u in sp.Client().GetStreamingResponseAsync("hi")) text += u.Text;
        });
        e.Kind.ShouldBe(ModelFailureKind.StreamCut);
        text.ShouldBe(LlmTestKit.GoodAd[..24]);
        _server.Requests.Count.ShouldBe(1);
        sp.GetRequiredService<ILlmUsageRecorder>().Totals.FailedCalls.ShouldBe(1);
    }
}
