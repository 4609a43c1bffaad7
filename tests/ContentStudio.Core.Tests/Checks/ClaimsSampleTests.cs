using ContentStudio.Core.Brands;
using ContentStudio.Core.Campaigns;
using ContentStudio.Core.Checks;
using ContentStudio.Core.Checks.Claims;
using ContentStudio.Core.Channels;

namespace ContentStudio.Core.Tests.Checks;

/// <summary>The shipped Harbor Bank guide and sample brief: the bank's approved rate claim comes out clean in every
/// wording the approval allows, and changing the rate or the product makes it a blocker again.</summary>
public sealed class ClaimsSampleTests
{
    private static readonly Brand Harbor = Load();
    private static readonly CampaignBrief Brief = BriefFile.Load(Path.Combine(TestFiles.RepoRoot(), "docs", "samples", "brief-harbor.json"));
    private static readonly CheckPipeline Pipeline = new CheckPipelineBuilder(Harbor).UseClaims().Build();

    private static Brand Load()
    {
        var path = Path.Combine(TestFiles.RepoRoot(), "brand-guides", "harbor-bank.md");
        return BrandGuideParser.Parse(path, File.ReadAllText(path)).Brand!;
    }

    private static CheckReport Check(string text, ChannelKind? channel = ChannelKind.Email) =>
        Pipeline.Run(new VariantContent(channel, new Dictionary<string, string> { ["body"] = text }) { Brief = Brief });

    [Theory]
    [InlineData("Harbor High-Yield Savings earns 4.10% Annual Percentage Yield (APY).")]
    [InlineData("4.10% Annual Percentage Yield (APY) on Harbor High-Yield Savings.")]
    [InlineData("Earn 4.10% APY on Harbor High-Yield Savings.")]
    [InlineData("Your savings earn 4.10% APY.")]
    [InlineData("Harbor High-Yield Savings earns 4.10% Annual Percentage Yield (APY). Harbor Bank, Member FDIC. Annual Percentage Yield (APY) accurate as of November 1, 2025 and may change after the account is opened. Fees may reduce earnings. Equal Housing Lender.")]
    [InlineData("FDIC insured up to the legal limit. No monthly maintenance fee on Harbor Everyday Checking.")]
    public void TheApprovedRateClaimIsClean(string text)
    {
        var report = Check(text);
        report.Findings.Where(f => f.RuleId == ClaimsCheck.RuleId).ShouldBeEmpty(string.Join("\n", report.Findings.Select(f => f.Text + ": " + f.Message)));
        report.Evidence.ShouldContain(e => e.Evidence.Length > 0);
    }

    [Fact]
    public void TheEvidenceOfTheRateClaimIsOnTheReport()
    {
        var report = Check("Harbor High-Yield Savings earns 4.10% Annual Percentage Yield (APY).");
        var evidence = report.Evidence.ShouldHaveSingleItem();
        evidence.Claim.ShouldBe("4.10% Annual Percentage Yield (APY) on Harbor High-Yield Savings");
        evidence.Evidence.ShouldStartWith("Rate sheet RS-2025-11");
        evidence.Field.ShouldBe("body");
    }

    [Theory]
    [InlineData("Earn 4.25% APY on Harbor High-Yield Savings.", "4.25% APY")]
    [InlineData("Earn 4.10% APY on Harbor Everyday Checking.", "4.10% APY")]
    [InlineData("No monthly maintenance fee on Harbor High-Yield Savings.", "No monthly maintenance fee")]
    public void AnAlteredRateOrAnotherProductIsABlocker(string text, string flagged)
    {
        var finding = Check(text).Findings.First(f => f.RuleId == ClaimsCheck.RuleId);
        finding.Severity.ShouldBe(Severity.Blocker);
        finding.Text.ShouldContain(flagged.Split(' ')[0]);
    }

    [Fact]
    public void AFindingNamesTheClosestApprovedClaimAndItsEvidence()
    {
        var finding = Check("Earn 4.25% APY on Harbor High-Yield Savings.").Findings.First(f => f.RuleId == ClaimsCheck.RuleId);
        finding.Suggestion.ShouldNotBeNull();
        finding.Suggestion.ShouldContain("4.10% Annual Percentage Yield (APY) on Harbor High-Yield Savings");
        finding.Suggestion.ShouldContain("Rate sheet RS-2025-11");
    }
}
