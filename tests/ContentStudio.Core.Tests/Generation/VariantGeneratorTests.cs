using ContentStudio.Testing;
using ContentStudio.Core.Brands;
using ContentStudio.Core.Campaigns;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Llm;
using ContentStudio.Core.Prompts;
using ContentStudio.Core.Segments;
using ContentStudio.Core.Tests.Llm;
using Microsoft.Extensions.AI;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Tests.Generation;

public class VariantGeneratorTests
{
    const string GoodAd = """{"headline": "Solar that pays", "description": "Cut your bill from month one."}""";

    internal sealed class TestCatalog(params PromptTemplate[] templates) : IPromptCatalog
    {
        public IReadOnlyList<PromptTemplate> Templates => templates;
        public IReadOnlyList<SourceError> Errors => [];
        public PromptTemplate? ForChannel(ChannelKind channel) => templates.FirstOrDefault(t => t.Channel == channel);
    }

    internal sealed class TestRenderer(Exception? failure = null) : IPromptRenderer
    {
        public RenderedPrompt Render(PromptTemplate template, CompositionRequest request) =>
            failure is not null ? throw failure
            : new RenderedPrompt(template.SystemTemplate, template.UserTemplate.Replace("{{product}}", request.Brief.Product), "hash-" + request.Seed);
    }

    internal static readonly PromptTemplate AdTemplate = new()
    {
        Name = "ad", Channel = ChannelKind.Ad, Temperature = 0.4, MaxOutputTokens = 300,
        SystemTemplate = "You write ads.", UserTemplate = "Write an ad for {{product}}.",
        SourcePath = "prompts/ad.prompt.md", ContentHash = "0123456789abcdef0123",
    };

    internal static CompositionRequest Request(ChannelSpec? channel = null) => new(
        new Brand { Slug = "sunco", Name = "SunCo" },
        new Segment { Key = "homeowners", BrandSlug = "sunco", Name = "Homeowners" },
        channel ?? ChannelCatalog.Ad,
        new CampaignBrief { Product = "SunCo Panels" },
        VariantIndex: 1, Seed: 42);

    static VariantGenerator Generator(IChatClient client, IPromptRenderer? renderer = null, params PromptTemplate[] templates) =>
        new(new TestCatalog(templates.Length == 0 ? [AdTemplate] : templates), renderer ?? new TestRenderer(), client, new LlmDescriptor("OpenAI", "gpt-test"));

    [Fact]
    public async Task ReturnsTheFieldsWithFullProvenance()
    {
        var fake = new TestChatClient().ThenReply(GoodAd, inputTokens: 100, outputTokens: 20);
        var variant = await Generator(fake).GenerateAsync(Request(), default);

        variant.Outcome.ShouldBe(VariantOutcome.Ok);
        variant.Fields["headline"].ShouldBe("Solar that pays");
        variant.Problem.ShouldBeNull();
        variant.RawOutput.ShouldBe(GoodAd);
        variant.Provenance.ShouldBe(variant.Provenance with
        {
            TemplateName = "ad", TemplateVersion = "0123456789ab", Provider = "OpenAI", Model = "test-model",
            PromptHash = "hash-42", InputTokens = 100, OutputTokens = 20, Attempts = 1,
        });
    }

    [Fact]
    public async Task SendsTheTemplateSettingsSeedAndRequestToTheModel()
    {
        var fake = new TestChatClient().ThenReply(GoodAd);
        var request = Request();
        await Generator(fake).GenerateAsync(request, default);

        var call = fake.Calls.Single();
        call.Messages.Select(m => (m.Role, m.Text)).ShouldBe([(ChatRole.System, "You write ads."), (ChatRole.User, "Write an ad for SunCo Panels.")]);
        call.Options!.Temperature.ShouldBe(0.4f);
        call.Options.MaxOutputTokens.ShouldBe(300);
        call.Options.Seed.ShouldBe(42);
        var format = call.Options.ResponseFormat.ShouldBeOfType<ChatResponseFormatJson>();
        format.SchemaName.ShouldBe("ad_copy");
        format.Schema!.Value.GetProperty("required").EnumerateArray().Select(e => e.GetString()).ShouldBe(["headline", "description"]);
        call.Options.AdditionalProperties![CompositionRequest.PropertyKey].ShouldBeSameAs(request);
    }

    [Fact]
    public async Task RepairsBrokenJsonWithoutAskingAgain()
    {
        var fake = new TestChatClient().ThenReply("```json\n{'headline': 'A', 'description': 'B',}\n```");
        var variant = await Generator(fake).GenerateAsync(Request(), default);
        variant.Outcome.ShouldBe(VariantOutcome.Ok);
        fake.Calls.Count.ShouldBe(1);
    }

    [Fact]
    public async Task AsksAgainOnceWithTheParseErrorThenSucceeds()
    {
        var fake = new TestChatClient().ThenReply("""{"headline": "A"}""").ThenReply(GoodAd);
        var variant = await Generator(fake).GenerateAsync(Request(), default);

        variant.Outcome.ShouldBe(VariantOutcome.Ok);
        variant.Provenance.Attempts.ShouldBe(2);
        variant.Provenance.InputTokens.ShouldBe(20);
        var retry = fake.Calls[1].Messages;
        retry.Count.ShouldBe(4);
        retry[2].ShouldSatisfyAllConditions(m => m.Role.ShouldBe(ChatRole.Assistant), m => m.Text.ShouldBe("""{"headline": "A"}"""));
        retry[3].Role.ShouldBe(ChatRole.User);
        retry[3].Text.ShouldContain("missing required field 'description'");
        retry[3].Text.ShouldContain("headline, description");
    }

    [Fact]
    public async Task NeedsAttentionAfterTheCorrectiveTurnFailsKeepingTheRawText()
    {
        var fake = new TestChatClient().ThenReply("I cannot write that ad.").ThenReply("Still no JSON, sorry.");
        var variant = await Generator(fake).GenerateAsync(Request(), default);

        variant.Outcome.ShouldBe(VariantOutcome.NeedsAttention);
        variant.RawOutput.ShouldBe("Still no JSON, sorry.");
        variant.Problem.ShouldStartWith("the model's reply could not be used after 2 tries: the output has no JSON object");
        variant.Fields.ShouldBeEmpty();
        fake.Calls.Count.ShouldBe(2);
    }

    static Func<TestChatClient.CallInfo, Task<ChatResponse>> Stopped(string text, ChatFinishReason reason) => _ =>
    {
        var reply = TestChatClient.Reply(text);
        reply.FinishReason = reason;
        return Task.FromResult(reply);
    };

    /// <summary>The parser can close this cut string into valid JSON; the old generator stored it as OK copy.</summary>
    const string CutAd = """{"headline": "Solar that pays", "description": "Cut your bi""";

    [Fact]
    public async Task NeverStoresARepairedCutReplyAndAsksTheSameQuestionAgainWithDoubleTheCap()
    {
        var fake = new TestChatClient().Then(Stopped(CutAd, ChatFinishReason.Length)).ThenReply(GoodAd);
        var variant = await Generator(fake).GenerateAsync(Request(), default);

        variant.Outcome.ShouldBe(VariantOutcome.Ok);
        variant.Fields["description"].ShouldBe("Cut your bill from month one.");
        fake.Calls.Select(c => c.Options!.MaxOutputTokens).ShouldBe([300, 600]);
        fake.Calls[1].Messages.Count.ShouldBe(2); // the same question, not a corrective turn about a reply that was only short
    }

    [Fact]
    public async Task NeedsAttentionWhenTheReplyIsCutAgainSayingWhy()
    {
        var fake = new TestChatClient().Then(Stopped(CutAd, ChatFinishReason.Length));
        var variant = await Generator(fake).GenerateAsync(Request(), default);

        variant.Outcome.ShouldBe(VariantOutcome.NeedsAttention);
        variant.Fields.ShouldBeEmpty();
        variant.RawOutput.ShouldBe(CutAd);
        variant.Problem.ShouldBe("the model stopped at the output-token limit (600 tokens, after a retry with double the template's 300; " +
                                 "raise max output tokens in prompts/ad.prompt.md, or Llm:MaxOutputTokensCeiling)");
        fake.Calls.Count.ShouldBe(2);
    }

    [Fact]
    public async Task RaisesTheCapNoHigherThanTheCeiling()
    {
        var fake = new TestChatClient().Then(Stopped(CutAd, ChatFinishReason.Length)).ThenReply(GoodAd);
        var generator = new VariantGenerator(new TestCatalog(AdTemplate), new TestRenderer(), fake, new LlmDescriptor("OpenAI", "gpt-test"),
            llmOptions: Microsoft.Extensions.Options.Options.Create(new LlmOptions { MaxOutputTokensCeiling = 450 }));
        await generator.GenerateAsync(Request(), default);
        fake.Calls.Select(c => c.Options!.MaxOutputTokens).ShouldBe([300, 450]);
    }

    [Fact]
    public async Task NeedsAttentionWithoutAskingAgainWhenTheContentFilterStoppedTheReply()
    {
        var fake = new TestChatClient().Then(Stopped(CutAd, ChatFinishReason.ContentFilter));
        var variant = await Generator(fake).GenerateAsync(Request(), default);

        variant.Outcome.ShouldBe(VariantOutcome.NeedsAttention);
        variant.Problem!.ShouldStartWith("the provider's content filter stopped the reply");
        variant.Fields.ShouldBeEmpty();
        fake.Calls.Count.ShouldBe(1);
    }

    [Fact]
    public async Task RedactsTheKeyFromAFailedCallsMessage()
    {
        var fake = new TestChatClient().ThenThrow(new InvalidOperationException("proxy said: Authorization: Bearer k3y-of-the-customer-123 was refused"));
        var generator = new VariantGenerator(new TestCatalog(AdTemplate), new TestRenderer(), fake, new LlmDescriptor("OpenAI", "gpt-test"),
            redactor: new SecretRedactor(["k3y-of-the-customer-123"]));
        var variant = await generator.GenerateAsync(Request(), default);
        variant.Problem!.ShouldNotContain("k3y-of-the-customer-123");
        variant.Problem!.ShouldContain("[redacted]");
    }

    [Fact]
    public async Task TurnsAFailedModelCallIntoNeedsAttentionWithItsAttempts()
    {
        var fake = new TestChatClient().ThenThrow(new ModelCallException("the model provider answered HTTP 503: busy", ModelFailureKind.Http, true, 503) { });
        var pipeline = new RetryingChatClient(fake, new LlmOptions { MaxRetries = 2, RetryBaseDelayMilliseconds = 1 });
        var variant = await Generator(pipeline).GenerateAsync(Request(), default);

        variant.Outcome.ShouldBe(VariantOutcome.NeedsAttention);
        variant.Problem.ShouldBe("the model call failed: the model provider answered HTTP 503: busy");
        variant.Provenance.Attempts.ShouldBe(3);
        variant.Provenance.Provider.ShouldBe("OpenAI");
        variant.Provenance.Model.ShouldBe("gpt-test");
    }

    [Fact]
    public async Task CountsMiddlewareRetriesInTheAttempts()
    {
        var fake = new TestChatClient().ThenThrow(new ModelCallException("x", ModelFailureKind.Http, true, 500)).ThenReply(GoodAd);
        var variant = await Generator(new RetryingChatClient(fake, new LlmOptions { RetryBaseDelayMilliseconds = 1 })).GenerateAsync(Request(), default);
        variant.Outcome.ShouldBe(VariantOutcome.Ok);
        variant.Provenance.Attempts.ShouldBe(2);
    }

    [Fact]
    public async Task TurnsAnUnexpectedExceptionIntoNeedsAttention()
    {
        var fake = new TestChatClient().ThenThrow(new InvalidOperationException("composer bug"));
        var variant = await Generator(fake).GenerateAsync(Request(), default);
        variant.Outcome.ShouldBe(VariantOutcome.NeedsAttention);
        variant.Problem.ShouldBe("the model call failed: InvalidOperationException: composer bug");
    }

    [Fact]
    public async Task LetsTheCallersCancellationThrough()
    {
        using var cts = new CancellationTokenSource();
        var fake = new TestChatClient().Then(async call => { cts.Cancel(); await Task.Delay(Timeout.Infinite, call.Token); return TestChatClient.Reply(""); });
        await Should.ThrowAsync<OperationCanceledException>(() => Generator(fake).GenerateAsync(Request(), cts.Token));
    }

    [Fact]
    public async Task NamesTheMissingTemplateFile()
    {
        var variant = await Generator(new TestChatClient()).GenerateAsync(Request(ChannelCatalog.LandingHero), default);
        variant.Outcome.ShouldBe(VariantOutcome.NeedsAttention);
        variant.Problem.ShouldBe("no prompt template for channel landing-hero (add prompts/landing-hero.prompt.md)");
        variant.Provenance.Attempts.ShouldBe(0);
    }

    [Fact]
    public async Task ReportsATemplateThatCannotRender()
    {
        var variant = await Generator(new TestChatClient(), new TestRenderer(new FormatException("unknown input 'offer'"))).GenerateAsync(Request(), default);
        variant.Outcome.ShouldBe(VariantOutcome.NeedsAttention);
        variant.Problem.ShouldBe("prompt template 'ad' (prompts/ad.prompt.md) could not be rendered: unknown input 'offer'");
    }
}
