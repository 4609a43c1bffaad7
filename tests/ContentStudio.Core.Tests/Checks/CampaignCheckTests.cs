using ContentStudio.Core.Channels;
using ContentStudio.Core.Checks;
using ContentStudio.Core.Checks.CrossVariant;
using ContentStudio.Core.Segments;

namespace ContentStudio.Core.Tests.Checks;

public sealed class CampaignCheckTests
{
    private static Segment Seg(string key, string age, string gender = "any") => new()
    {
        Key = key, BrandSlug = "acme", Name = key, AgeBand = age,
        Attributes = new Dictionary<string, string> { ["gender"] = gender },
        ProtectedAttributes = ["age", "gender"],
    };

    private static CampaignVariant V(string id, Segment s, ChannelKind c, string body) =>
        new(id, s, c, new Dictionary<string, string> { [VariantContent.DefaultField(c)] = body });

    private static readonly Segment Young = Seg("young", "18-24");
    private static readonly Segment Older = Seg("older", "65+");

    [Fact]
    public void DifferentOffersForSegmentsThatDifferByAgeAreBlocked()
    {
        var report = new CampaignCheckRunner().Run([
            V("a", Young, ChannelKind.Email, "Open a saver today and get 20% off your first year of fees."),
            V("b", Older, ChannelKind.Email, "Open a saver today and get 10% off your first year of fees."),
        ]);
        // One disparity, one finding, naming both variants and the attribute; each variant's copy points at its own offer.
        var offer = report.Findings.Single(f => f.Finding.Category == CheckCategories.Fairness);
        offer.Finding.RuleId.ShouldBe(FairnessCheck.OfferRule);
        offer.VariantIds.ShouldBe(["a", "b"], ignoreOrder: true);
        offer.Attribute.ShouldBe("age");
        offer.Finding.Severity.ShouldBe(Severity.Blocker);
        report.For("b").Single().Text.ShouldBe("10%");
        report.Overall.Gate.ShouldBe(Gate.Blocked);
    }

    [Fact]
    public void SameOffersAcrossSegmentsPass()
    {
        var report = new CampaignCheckRunner().Run([
            V("a", Young, ChannelKind.Email, "Get 20% off fees in your first year when you open a saver."),
            V("b", Older, ChannelKind.Email, "Open a saver this month: 20% off fees for the first year."),
        ]);
        report.Findings.ShouldBeEmpty();
        report.Overall.Gate.ShouldBe(Gate.Clean);
    }

    [Fact]
    public void SegmentsWithoutProtectedDifferencesMayGetDifferentOffers()
    {
        var loyal = Seg("loyal", "35-44") with { Attributes = new Dictionary<string, string> { ["gender"] = "any" } };
        var prospect = loyal with { Key = "prospect", Name = "prospect" };
        var report = new CampaignCheckRunner().Run([
            V("a", loyal, ChannelKind.Email, "As a loyal customer you get 30% off your renewal this month."),
            V("b", prospect, ChannelKind.Email, "New here? Get 10% off your first order this month."),
        ]);
        report.Findings.Where(f => f.Finding.Category == CheckCategories.Fairness).ShouldBeEmpty();
    }

    [Fact]
    public void AStereotypeAimedAtOneGroupOnlyIsFlagged()
    {
        var women = Seg("women", "35-44", "female");
        var men = Seg("men", "35-44", "male");
        var report = new CampaignCheckRunner().Run([
            V("w", women, ChannelKind.Social, "Get the housework done faster with the new app."),
            V("m", men, ChannelKind.Social, "More time for what matters with the new app."),
        ]);
        var f = report.Findings.Single(x => x.Finding.RuleId == FairnessCheck.StereotypeRule);
        f.VariantIds.ShouldBe(["w"]);
        f.Attribute.ShouldBe("gender");
        f.Finding.Message.ShouldContain("housework");
    }

    [Fact]
    public void AReadingLevelGapBetweenProtectedSegmentsNamesBothVariantsAndTheLowerSegment()
    {
        var report = new CampaignCheckRunner().Run([
            V("a", Young, ChannelKind.Email, "Our comprehensive investment infrastructure facilitates sophisticated diversification, enabling individuals to optimise longitudinal financial sustainability across multiple economic cycles and circumstances."),
            V("b", Older, ChannelKind.Email, "It is easy. You save. We help. It is safe. You can stop. We call you. It is fine. You can see it grow."),
        ]);
        var gap = report.Findings.Single(f => f.Finding.RuleId == FairnessCheck.ReadingGapRule);
        gap.VariantIds.ShouldBe(["a", "b"], ignoreOrder: true);
        gap.Finding.Message.ShouldContain("for \"older\" reads at grade");
    }

    [Fact]
    public void DifferentDatesAcrossChannelsOfOneSegmentAreFlagged()
    {
        var report = new CampaignCheckRunner().Run([
            V("e", Young, ChannelKind.Email, "The sale ends 31 May. Shop now."),
            V("s", Young, ChannelKind.Sms, "The sale ends 1 June. Shop now. Reply STOP to opt out"),
        ]);
        var dates = report.Findings.Where(f => f.Finding.RuleId == ConsistencyCheck.DateRule).ToList();
        dates.Count.ShouldBe(2);
        dates.Single(f => f.VariantIds.Single() == "s").Finding.Text.ShouldBe("1 June");
    }

    [Fact]
    public void AnOfferWithoutTheTermsTheOtherChannelsCarryIsNoted()
    {
        var report = new CampaignCheckRunner().Run([
            V("e", Young, ChannelKind.Email, "Get 20% off this week. T&Cs apply."),
            V("a", Young, ChannelKind.Ad, "Get 20% off this week. T&Cs apply."),
            V("s", Young, ChannelKind.Sms, "Get 20% off this week. Reply STOP to opt out"),
        ]);
        report.Findings.Single(f => f.Finding.RuleId == ConsistencyCheck.DisclaimerRule).VariantIds.Single().ShouldBe("s");
    }

    [Fact]
    public void NearDuplicateVariantsOfOneChannelAreFlagged()
    {
        var report = new CampaignCheckRunner().Run([
            V("1", Young, ChannelKind.Social, "Our new saver pays more interest every month and you can open it in five minutes from the app."),
            V("2", Young, ChannelKind.Social, "Our new saver pays more interest every month and you can open it in five minutes from the app today."),
            V("3", Young, ChannelKind.Social, "Saving for a trip? Put a little aside each payday and watch it grow."),
        ]);
        var dup = report.Findings.Single(f => f.Finding.RuleId == NearDuplicateCheck.RuleId);
        dup.VariantIds.Single().ShouldBe("2");
        dup.Finding.Message.ShouldContain("variant 1");
    }

    [Fact]
    public void ACampaignCheckThatThrowsBecomesAnErrorFinding()
    {
        var report = new CampaignCheckRunner([new Throwing()]).Run([V("a", Young, ChannelKind.Email, "Hi")]);
        report.Findings.Single().Finding.RuleId.ShouldBe(CheckPipeline.ErrorRuleId);
        report.Overall.Gate.ShouldBe(Gate.NeedsReview);
    }

    private sealed class Throwing : ICampaignCheck
    {
        public IReadOnlyList<string> RuleIds { get; } = ["x"];
        public IReadOnlyList<string> Categories { get; } = ["x"];
        public void Run(CampaignCheckContext context) => throw new InvalidOperationException("boom");
    }
}
