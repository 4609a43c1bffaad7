using Azure.Core;
using ContentStudio.Core.Campaigns;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Checks;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Kernel;
using ContentStudio.Core.Llm;
using ContentStudio.Integration.Tests.Infrastructure;
using ContentStudio.Testing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace ContentStudio.Integration.Tests.Llm;

/// <summary>Azure OpenAI through Azure.AI.OpenAI against the fake server shaped as an Azure resource: deployment routes,
/// api-version, key and Microsoft Entra ID authentication, and the content filter's results becoming findings.</summary>
[Collection(LlmTestKit.Collection)]
public sealed class AzureOpenAIProviderTests : IAsyncLifetime
{
    FakeOpenAiServer _server = null!;
    WholeStudio? _studio;

    public async Task InitializeAsync() => _server = await FakeOpenAiServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_studio is not null) await _studio.DisposeAsync();
        await _server.DisposeAsync();
    }

    /// <summary>A Microsoft Entra ID credential that hands out a fixed token and records the scopes it was asked for.</summary>
    sealed class TestTokenCredential(string token) : TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            lock (Scopes) Scopes.AddRange(requestContext.Scopes);
            return new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(GetToken(requestContext, cancellationToken));
    }

    LlmOptions Azure(string? apiVersion = null) => new()
    {
        Provider = LlmProvider.AzureOpenAI, Endpoint = _server.AzureResourceUri.ToString(), Model = "my-deployment", ApiKey = "az-key",
        ApiVersion = apiVersion ?? AzureApiVersions.Default,
    };

    [Fact]
    public async Task CallsTheDeploymentRouteWithTheApiVersionAndTheKey()
    {
        _server.Then(FakeReply.Text("ok"));
        (await LlmTestKit.ProviderClient(Azure()).GetResponseAsync("hi")).Text.ShouldBe("ok");

        var request = _server.Requests.Single();
        request.Path.ShouldBe("/openai/deployments/my-deployment/chat/completions");
        request.Query.ShouldContain("api-version=2025-04-01-preview");
        request.Headers["api-key"].ShouldBe("az-key");
        request.Headers.Keys.ShouldNotContain("Authorization");
    }

    [Fact]
    public async Task SendsTheConfiguredApiVersion()
    {
        _server.Then(FakeReply.Text("ok"));
        await LlmTestKit.ProviderClient(Azure("2024-10-21")).GetResponseAsync("hi");
        _server.Requests.Single().Query.ShouldContain("api-version=2024-10-21");
    }

    [Fact]
    public async Task WithEntraIdSendsTheCredentialsTokenAsABearerAndNoKey()
    {
        _server.Then(FakeReply.Text("""{"headline": "Hi", "description": "There"}"""));
        var credential = new TestTokenCredential("entra-token-for-tests");
        using var sp = LlmTestKit.Services(_server, new()
        {
            ["Llm:Provider"] = "AzureOpenAI", ["Llm:Endpoint"] = _server.AzureResourceUri.ToString(), ["Llm:Model"] = "my-deployment",
            ["Llm:Authentication"] = "EntraId",
        }, services => services.AddSingleton<TokenCredential>(credential));

        var generated = await sp.GetRequiredService<IVariantGenerator>().GenerateAsync(LlmTestKit.Request(), CancellationToken.None);

        generated.Outcome.ShouldBe(VariantOutcome.Ok, generated.Problem);
        var request = _server.Requests.Single();
        request.Path.ShouldBe("/openai/deployments/my-deployment/chat/completions");
        request.Headers["Authorization"].ShouldBe("Bearer entra-token-for-tests");
        request.Headers.Keys.ShouldNotContain("api-key");
        credential.Scopes.ShouldContain("https://cognitiveservices.azure.com/.default");
    }

    [Fact]
    public async Task ReadsTheContentFilterResultsOfPromptAndReply()
    {
        _server.Then(FakeReply.Text("ok") with
        {
            ReplyFilter = FakeReply.Filter(("violence", "medium", false), ("protected_material_text", "detected", false)),
            PromptFilter = FakeReply.Filter(("jailbreak", "detected", false)),
        });
        var response = await LlmTestKit.ProviderClient(Azure()).GetResponseAsync("hi");

        ProviderSafety.Read(response).ShouldBe([
            new ProviderSafetyResult("jailbreak", "detected", false, InPrompt: true),
            new ProviderSafetyResult("violence", "medium", false, InPrompt: false),
            new ProviderSafetyResult("protected_material_text", "detected", false, InPrompt: false),
        ], ignoreOrder: true);
    }

    [Fact]
    public async Task AllSafeResultsLeaveNothingOnTheResponse()
    {
        _server.Then(FakeReply.Text("ok") with { ReplyFilter = FakeReply.Filter(), PromptFilter = FakeReply.Filter() });
        ProviderSafety.Read(await LlmTestKit.ProviderClient(Azure()).GetResponseAsync("hi")).ShouldBeEmpty();
    }

    [Fact]
    public async Task WhatTheContentFilterFlaggedBecomesFindingsOnTheStoredVariant()
    {
        _server.Then(FakeReply.Text("""{"headline": "Savings that add up", "description": "Open Harbor High-Yield Savings in Harbor Mobile."}""") with
        {
            ReplyFilter = FakeReply.Filter(("violence", "high", false), ("hate", "low", false)),
        });
        _studio = await WholeStudio.StartAsync(new Dictionary<string, string?>
        {
            ["Llm:Provider"] = "AzureOpenAI", ["Llm:Endpoint"] = _server.AzureResourceUri.ToString(), ["Llm:Model"] = "my-deployment",
            ["Llm:ApiKey"] = "az-key", ["Llm:RetryBaseDelayMilliseconds"] = "20", ["Checks:JudgesEnabled"] = "false",
        });
        var services = _studio.Services;
        var campaign = await services.GetRequiredService<CampaignService>().CreateAsync(new CampaignBrief
        {
            Name = "Filtered", BrandSlug = "harbor-bank", Product = "Harbor High-Yield Savings", Objective = "Grow deposits",
            KeyMessages = ["Open in minutes in Harbor Mobile"], CallToAction = "Open an account",
            Channels = [ChannelKind.Ad], SegmentKeys = ["seniors"], VariantsPerSegment = 1,
        }, "marketer");
        var run = await services.GetRequiredService<GenerationService>().StartRunAsync(campaign.Id, "marketer");
        await services.GetRequiredService<GenerationEngine>().RunUntilIdleAsync(run.Id);
        var variant = (await services.GetRequiredService<VariantQueries>().GridForRunAsync(run.Id))!.Cell("seniors", ChannelKind.Ad).Variants.Single();

        variant.Outcome.ShouldBe(VariantOutcome.Ok, variant.Problem);
        var flagged = variant.Report!.Findings.Where(f => f.Category == CheckCategories.ProviderSafety).ToList();
        flagged.Select(f => (f.RuleId, f.Severity)).ShouldBe([
            ("provider.content-filter.violence", Severity.Blocker), ("provider.content-filter.hate", Severity.Info)], ignoreOrder: true);
        variant.Gate.ShouldBe(Gate.Blocked);
        variant.Report.CategoryScores.Keys.ShouldContain(CheckCategories.ProviderSafety);
    }

    [Fact]
    public async Task AReplyTheFilterStoppedNamesWhatItFlagged()
    {
        _server.Then(new FakeReply
        {
            Content = """{"headline": "Savings"}""", FinishReason = "content_filter",
            ReplyFilter = FakeReply.Filter(("sexual", "medium", true)),
        });
        using var sp = LlmTestKit.Services(_server, new()
        {
            ["Llm:Provider"] = "AzureOpenAI", ["Llm:Endpoint"] = _server.AzureResourceUri.ToString(), ["Llm:Model"] = "d", ["Llm:ApiKey"] = "k",
        });

        var generated = await sp.GetRequiredService<IVariantGenerator>().GenerateAsync(LlmTestKit.Request(), CancellationToken.None);

        generated.Outcome.ShouldBe(VariantOutcome.NeedsAttention);
        generated.Problem!.ShouldContain("content filter stopped the reply (flagged: sexual medium, filtered)");
        generated.ProviderSafety.ShouldBe([new ProviderSafetyResult("sexual", "medium", true, false)]);
    }
}
