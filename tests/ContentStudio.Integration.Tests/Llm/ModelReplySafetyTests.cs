using ContentStudio.Testing;
using System.Text.Json.Nodes;
using ContentStudio.Core;
using ContentStudio.Core.Campaigns;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Generation;
using ContentStudio.Integration.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Integration.Tests.Llm;

/// <summary>The whole studio (real SQLite, the runs' engine, the checks) against a real OpenAI-compatible HTTP endpoint:
/// what the provider sends back is never stored as usable copy when it is cut, every request carries an output-token
/// cap, and a key the provider echoes never reaches a stored problem or the log.</summary>
[Collection(LlmTestKit.Collection)]
public sealed class ModelReplySafetyTests : IAsyncLifetime
{
    const string Key = "sk-test-Secret0123456789abcdefXYZ";
    const string CutText = "Open Harbor High-Yield Savings in Harbor Mob";
    readonly CapturingLoggerProvider _log = new();
    FakeOpenAiServer _server = null!;
    WholeStudio? _studio;

    public async Task InitializeAsync() => _server = await FakeOpenAiServer.StartAsync();

    async Task<IServiceProvider> StartAsync(bool judges = false)
    {
        var settings = WholeStudio.AgainstModel(_server);
        settings["Llm:ApiKey"] = Key;
        settings["Llm:DefaultMaxOutputTokens"] = "321";
        settings["Checks:JudgesEnabled"] = judges ? "true" : "false";
        _studio = await WholeStudio.StartAsync(settings, _log);
        return _studio.Services;
    }

    static async Task<VariantView> GenerateOneAdAsync(IServiceProvider services)
    {
        var campaign = await services.GetRequiredService<CampaignService>().CreateAsync(new CampaignBrief
        {
            Name = "Reply safety", BrandSlug = "harbor-bank", Product = "Harbor High-Yield Savings", Objective = "Grow deposits",
            KeyMessages = ["Open in minutes in Harbor Mobile"], CallToAction = "Open an account",
            Channels = [ChannelKind.Ad], SegmentKeys = ["seniors"], VariantsPerSegment = 1,
        }, "marketer");
        var run = await services.GetRequiredService<GenerationService>().StartRunAsync(campaign.Id, "marketer");
        await services.GetRequiredService<GenerationEngine>().RunUntilIdleAsync(run.Id);
        return (await services.GetRequiredService<VariantQueries>().GridForRunAsync(run.Id))!.Cell("seniors", ChannelKind.Ad).Variants.Single();
    }

    static int? Cap(FakeOpenAiServer.RecordedRequest request) =>
        (request.Body["max_completion_tokens"] ?? request.Body["max_tokens"])?.GetValue<int>();

    [Fact]
    public async Task AReplyCutAtTheTokenLimitIsAskedAgainWithMoreRoomAndNeverStoredAsUsableCopy()
    {
        _server.Then(new FakeReply { Content = $$"""{"headline": "Savings that add up", "description": "{{CutText}}""", FinishReason = "length" });
        var services = await StartAsync();

        var variant = await GenerateOneAdAsync(services);

        variant.Outcome.ShouldBe(VariantOutcome.NeedsAttention);
        variant.Problem!.ShouldStartWith("the model stopped at the output-token limit");
        variant.Fields.Values.ShouldNotContain(v => v.Contains(CutText));
        _server.Requests.Count.ShouldBe(2);
        Cap(_server.Requests[1]).ShouldBe(Cap(_server.Requests[0]) * 2);
    }

    [Fact]
    public async Task AReplyStoppedByTheContentFilterNeedsAPersonAndIsNotAskedAgain()
    {
        _server.Then(new FakeReply { Content = """{"headline": "Savings", "description": "Open"}""", FinishReason = "content_filter" });
        var services = await StartAsync();

        var variant = await GenerateOneAdAsync(services);

        variant.Outcome.ShouldBe(VariantOutcome.NeedsAttention);
        variant.Problem!.ShouldStartWith("the provider's content filter stopped the reply");
        _server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task EveryRequestCarriesAnOutputTokenCapJudgesIncluded()
    {
        _server.Then(FakeReply.Text("""{"headline": "Savings that add up", "description": "Open Harbor High-Yield Savings in Harbor Mobile.", "verdict": "pass"}"""));
        var services = await StartAsync(judges: true);

        (await GenerateOneAdAsync(services)).Outcome.ShouldBe(VariantOutcome.Ok);

        _server.Requests.Count.ShouldBeGreaterThan(1, "one generation call and the judges' calls");
        _server.Requests.ShouldAllBe(r => Cap(r) > 0);
        _server.Requests.Skip(1).Select(Cap).ShouldAllBe(cap => cap == 321); // judges set none: Llm:DefaultMaxOutputTokens
    }

    [Fact]
    public async Task AKeyTheProviderEchoesInA401NeverReachesTheStoredProblemOrTheLog()
    {
        var body = new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["message"] = $"Incorrect API key provided: {Key}. Request had header Authorization: Bearer {Key}",
                ["type"] = "invalid_request_error", ["code"] = "invalid_api_key",
            },
        }.ToJsonString();
        _server.Then(new FakeReply { Status = 401, RawBody = body });
        var services = await StartAsync();

        var variant = await GenerateOneAdAsync(services);

        variant.Outcome.ShouldBe(VariantOutcome.NeedsAttention);
        variant.Problem!.ShouldContain("HTTP 401");
        variant.Problem!.ShouldNotContain(Key);
        variant.Problem!.ShouldNotContain("Secret0123456789");
        variant.Problem!.ShouldContain("[redacted]");
        _log.Entries.ShouldNotBeEmpty();
        _log.Entries.ShouldAllBe(e => !e.Message.Contains("Secret0123456789"));
    }

    public async Task DisposeAsync()
    {
        if (_studio is not null) await _studio.DisposeAsync();
        await _server.DisposeAsync();
    }
}
