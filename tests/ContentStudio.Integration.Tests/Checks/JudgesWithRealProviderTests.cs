using ContentStudio.Testing;
using ContentStudio.Core;
using ContentStudio.Core.Campaigns;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Generation;
using ContentStudio.Integration.Tests.Infrastructure;
using ContentStudio.Integration.Tests.Llm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Integration.Tests.Checks;

/// <summary>With a real (OpenAI-compatible) provider the LLM judges run over real HTTP between generation and
/// saving, and their findings land in the stored report instead of "not run".</summary>
[Collection(LlmTestKit.Collection)]
public sealed class JudgesWithRealProviderTests : IAsyncLifetime
{
    private FakeOpenAiServer _server = null!;
    private WholeStudio _studio = null!;
    private IServiceProvider Services => _studio.Services;

    public async Task InitializeAsync()
    {
        _server = await FakeOpenAiServer.StartAsync();
        _studio = await WholeStudio.StartAsync(WholeStudio.AgainstModel(_server));
    }

    [Fact]
    public async Task JudgeVerdictsFromTheModelBecomeFindingsOnTheStoredVariant()
    {
        // One reply serves both calls: the generator reads the ad fields, the judges read verdict and quotes.
        _server.Then(FakeReply.Text("""
            {"headline": "Savings that add up", "description": "Open Harbor High-Yield Savings in Harbor Mobile.",
             "verdict": "fail", "quotes": [{"text": "Savings that add up", "why": "sounds pushier than the calm Harbor voice"}]}
            """));
        var campaign = await Services.GetRequiredService<CampaignService>().CreateAsync(new CampaignBrief
        {
            Name = "Judges", BrandSlug = "harbor-bank", Product = "Harbor High-Yield Savings", Objective = "Grow deposits",
            KeyMessages = ["Open in minutes in Harbor Mobile"], CallToAction = "Open an account",
            Channels = [ChannelKind.Ad], SegmentKeys = ["seniors"], VariantsPerSegment = 1,
        }, "marketer");
        var run = await Services.GetRequiredService<GenerationService>().StartRunAsync(campaign.Id, "marketer");
        await Services.GetRequiredService<GenerationEngine>().RunUntilIdleAsync(run.Id);

        var variant = (await Services.GetRequiredService<VariantQueries>().GridForRunAsync(run.Id))!.Cell("seniors", ChannelKind.Ad).Variants.Single();
        variant.Outcome.ShouldBe(VariantOutcome.Ok);
        variant.Report!.NotRun.ShouldNotContain(n => n.RuleId.StartsWith("judge."));
        var judged = variant.Report.Findings.Where(f => f.RuleId == "judge.voice-match").ToList();
        judged.ShouldNotBeEmpty();
        judged[0].Field.ShouldBe("headline");
        judged[0].Text.ShouldBe("Savings that add up");
        _server.Requests.Count.ShouldBe(3, "one generation call and one call per judge rubric");
    }

    public async Task DisposeAsync()
    {
        await _studio.DisposeAsync();
        await _server.DisposeAsync();
    }
}
