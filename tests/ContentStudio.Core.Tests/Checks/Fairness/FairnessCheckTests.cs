using ContentStudio.Core.Campaigns;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Checks;
using ContentStudio.Core.Checks.CrossVariant;
using ContentStudio.Core.Segments;

namespace ContentStudio.Core.Tests.Checks.Fairness;

public sealed class FairnessCheckTests
{
    private static Segment Seg(string key, string attribute, string value, params string[] justifying) => new()
    {
        Key = key, BrandSlug = "", Name = key, Attributes = new Dictionary<string, string> { [attribute] = value },
        ProtectedAttributes = [attribute], JustifyingAttributes = justifying,
    };

    private static CampaignVariant V(string id, Segment s, string text, ChannelKind channel = ChannelKind.Email) =>
        new(id, s, channel, new Dictionary<string, string> { [VariantContent.DefaultField(channel)] = text });

    private static List<CampaignFinding> Fairness(CampaignBrief? brief, params CampaignVariant[] variants) =>
        [.. new CampaignCheckRunner().Run(variants, brief).Findings.Where(f => f.Finding.Category == CheckCategories.Fairness)];

    private static readonly Segment Low = Seg("low", "income", "low"), High = Seg("high", "income", "high");

    [Fact]
    public void AmountsWithThousandsSeparatorsAreNotDecimals()
    {
        // "$25,000" and "$25.00" are different amounts; "$25,000" and "$25000" are the same.
        OfferTerms.Extract("Get a $25,000 bonus.", FairnessVocabulary.Default.Perks).Select(t => t.Value).ShouldContain("$25000");
        Fairness(null, V("a", Low, "A $25,000 credit line with a $25.00 monthly fee."), V("b", High, "A $25000 credit line with a $25.00 monthly fee."))
            .ShouldBeEmpty();
        Fairness(null, V("a", Low, "Monthly fee $25.00."), V("b", High, "Monthly fee $25,000."))
            .Single().Finding.RuleId.ShouldBe(FairnessCheck.PriceRule);
    }

    [Fact]
    public void DifferentRatesAreOnePriceDisparityNamingBothVariantsAndTheAttribute()
    {
        var f = Fairness(null, V("a", Low, "Rates from 9.99% APR, no annual fee."), V("b", High, "Rates from 6.99% APR, no annual fee.")).Single();
        f.Finding.RuleId.ShouldBe(FairnessCheck.PriceRule);
        f.VariantIds.ShouldBe(["a", "b"], ignoreOrder: true);
        f.Attribute.ShouldBe("income");
        f.Finding.Message.ShouldContain("9.99%");
    }

    [Fact]
    public void APerkForOneGroupOnlyIsAnExclusionUnlessTheBriefSanctionsIt()
    {
        var a = V("a", Low, "20% off this week.");
        var b = V("b", High, "20% off this week, with priority support whenever you need it.");
        Fairness(null, a, b).Single().Finding.RuleId.ShouldBe(FairnessCheck.ExclusionRule);
        var brief = new CampaignBrief { Offer = "20% off", SanctionedExtras = [new SanctionedExtra(["high"], "priority support for Premier clients")] };
        Fairness(brief, a, b).ShouldBeEmpty();
        // Sanctioned for another segment is not sanctioned for this one.
        Fairness(brief with { SanctionedExtras = [new SanctionedExtra(["low"], "priority support")] }, a, b).ShouldNotBeEmpty();
    }

    [Fact]
    public void TheBriefsOfferMissingForOneGroupIsAnOfferDisparity()
    {
        var brief = new CampaignBrief { Offer = "free installation" };
        var f = Fairness(brief, V("a", Low, "Order this month."), V("b", High, "Order this month and get free installation.")).Single();
        f.Finding.RuleId.ShouldBe(FairnessCheck.OfferRule);
        f.VariantIds.ShouldBe(["a", "b"], ignoreOrder: true);
    }

    [Fact]
    public void AJustifyingAttributeExplainsADifference()
    {
        var us = Seg("us", "ethnicity", "any", "market") with { Attributes = new Dictionary<string, string> { ["ethnicity"] = "hispanic", ["market"] = "US" } };
        var uk = Seg("uk", "ethnicity", "any", "market") with { Attributes = new Dictionary<string, string> { ["ethnicity"] = "white", ["market"] = "UK" } };
        Fairness(null, V("a", us, "Unlimited data for $40 a month."), V("b", uk, "Unlimited data for £30 a month.")).ShouldBeEmpty();
        var sameMarket = uk with { Attributes = new Dictionary<string, string> { ["ethnicity"] = "white", ["market"] = "US" } };
        Fairness(null, V("a", us, "Unlimited data for $40 a month."), V("b", sameMarket, "Unlimited data for $30 a month.")).ShouldNotBeEmpty();
    }

    [Fact]
    public void ReadingLevelIsComparedOnlyWithinOneChannelAndField()
    {
        var hard = "Our comprehensive coverage incorporates preventive consultations, prescription formularies and specialist referrals, calibrated to anticipated utilisation and predictable out-of-pocket maximums.";
        var easy = "Get a plan. It helps. You pay a bit each month. We pay the doctor. Call us to start. It is fast and it is easy to do.";
        Fairness(null, V("a", Low, hard), V("b", High, easy, ChannelKind.Sms)).ShouldBeEmpty();
        Fairness(null, V("a", Low, hard), V("b", High, easy)).Single().Finding.RuleId.ShouldBe(FairnessCheck.ReadingGapRule);
    }

    [Fact]
    public void CondescensionAimedAtOneGroupIsFlaggedButTheSamePhraseForEveryoneIsNot()
    {
        var older = Seg("older", "age", "65+"); var younger = Seg("younger", "age", "25-34");
        var f = Fairness(null, V("o", older, "At your age this might look tricky, so ask your grandchildren to set it up."), V("y", younger, "Set it up in two minutes.")).Single();
        f.Finding.RuleId.ShouldBe(FairnessCheck.CondescensionRule);
        f.VariantIds.ShouldBe(["o"]);
        Fairness(null, V("o", older, "Don't worry, setup takes two minutes."), V("y", younger, "Don't worry, setup takes two minutes.")).ShouldBeEmpty();
    }

    [Fact]
    public void AVocabularyFileWithoutAnExplanationNamesTheFileAndTheGroup()
    {
        var e = Should.Throw<FormatException>(() => FairnessVocabulary.Parse([("brand.yaml", "kind: stereotype\nattribute: age\ngroups:\n  - values: [older]\n    phrases: [slow]\n")]));
        e.Message.ShouldBe("brand.yaml: groups[0] has no 'why' (the finding's explanation)");
    }

    [Fact]
    public void ABrandFolderExtendsTheBuiltInVocabulary()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "house.yaml"),
                "kind: stereotype\nattribute: income\ngroups:\n  - values: [low]\n    why: our house rule.\n    phrases: [bargain bin]\n");
            var vocabulary = FairnessVocabulary.WithFolder(dir.FullName);
            vocabulary.Groups.Count.ShouldBe(FairnessVocabulary.Default.Groups.Count + 1);
            var runner = new CampaignCheckRunner(CampaignCheckRunner.Standard(new CampaignThresholds(), vocabulary));
            runner.Run([V("a", Low, "Straight from the bargain bin to you."), V("b", High, "Straight from the studio to you.")])
                .Findings.Single().Finding.Message.ShouldContain("our house rule.");
        }
        finally { dir.Delete(true); }
    }
}

public sealed class FairnessSampleFileTests
{
    [Fact]
    public void TheSampleCampaignsAndVocabularyAreValidAndShowOneCleanAndOneBlockedCampaign()
    {
        var samples = Path.Combine(TestFiles.RepoRoot(), "docs", "samples");
        var vocabulary = FairnessVocabulary.Parse(FairnessVocabularyFiles(samples));
        vocabulary.Groups.ShouldHaveSingleItem().Attribute.ShouldBe("income");
        var gates = File.ReadAllLines(Path.Combine(samples, "campaigns.jsonl")).Select(CampaignInputReader.Parse)
            .Select(c => new CampaignCheckRunner().Run(c.Variants, c.Brief).Overall.Gate).ToList();
        gates.ShouldBe([Gate.Clean, Gate.Blocked]);
    }

    private static IEnumerable<(string, string)> FairnessVocabularyFiles(string folder) =>
        Directory.GetFiles(folder, "fairness-vocabulary*.yaml").Select(f => (Path.GetFileName(f), File.ReadAllText(f)));
}
