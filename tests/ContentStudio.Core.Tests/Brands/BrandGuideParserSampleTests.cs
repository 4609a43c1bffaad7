using System.Security.Cryptography;
using System.Text;
using ContentStudio.Core.Brands;
using ContentStudio.Core.Channels;

namespace ContentStudio.Core.Tests.Brands;

public class BrandGuideParserSampleTests
{
    static BrandParseResult ParseSample(string slug)
    {
        var path = SampleContent.GuidePath(slug);
        return BrandGuideParser.Parse(path, File.ReadAllText(path));
    }

    [Theory]
    [InlineData("lumen-coffee")]
    [InlineData("harbor-bank")]
    public void SampleGuideParsesWithoutErrors(string slug)
    {
        var result = ParseSample(slug);
        result.Errors.ShouldBeEmpty(string.Join("\n", result.Errors));
        result.Brand!.Slug.ShouldBe(slug);
    }

    [Fact]
    public void LumenCoffeeReadsItsMachineRules()
    {
        var brand = ParseSample("lumen-coffee").Brand!;
        brand.Name.ShouldBe("Lumen Coffee");
        brand.Regulated.ShouldBeFalse();
        brand.VoiceAttributes.ShouldBe(["warm", "playful", "sensory", "unpretentious"]);
        brand.ProductNames.ShouldContain("Lumen Roast Club");
        brand.ProductNames.ShouldContain("ColdCraft");
        brand.Competitors.ShouldContain("Blue Bottle");
        brand.DeprecatedTerms.ShouldContain(new TermRule("subscription box", "Roast Club", "We are a club of coffee people, not a box of stuff."));
        brand.BannedTerms.Select(t => t.Term).ShouldContain("guilt-free");
        brand.Style.MaxExclamations.ShouldBe(1);
        brand.Style.EmojiAllowed.ShouldBeFalse();
        brand.Style.HypeWords.ShouldContain("game-changer");
        brand.ReadingLevel.ShouldBe(new ReadingLevel(4, 8));
        brand.Disclaimers.Keys.Order().ShouldBe([ChannelKind.Email, ChannelKind.Ad, ChannelKind.LandingHero]);
        brand.Disclaimers.ContainsKey(ChannelKind.Sms).ShouldBeFalse();
    }

    [Fact]
    public void HarborBankReadsClaimsDisclaimersAndStrictStyle()
    {
        var brand = ParseSample("harbor-bank").Brand!;
        brand.Name.ShouldBe("Harbor Bank");
        brand.Regulated.ShouldBeTrue();
        brand.Claims.Count.ShouldBe(4);
        brand.Claims.ShouldAllBe(c => c.Evidence.Length > 0);
        brand.Claims[0].Text.ShouldBe("FDIC insured up to the legal limit");
        brand.Disclaimers.Count.ShouldBe(ChannelCatalog.All.Count);
        brand.Disclaimers[ChannelKind.Push].ShouldBe("Member FDIC.");
        brand.SmsOptOut.ShouldStartWith("Reply STOP to opt out");
        brand.ReadingLevel.ShouldBe(new ReadingLevel(6, 9));
        brand.Style.MaxExclamations.ShouldBe(0);
        brand.Style.AllCapsAllowed.ShouldBeFalse();
        brand.DeprecatedTerms.Single(t => t.Term == "free checking").Replacement.ShouldBe("no monthly maintenance fee");
        brand.ProductNames.ShouldBe(["Harbor Everyday Checking", "Harbor High-Yield Savings", "Harbor Home Equity Line", "Harbor Mobile"]);
    }

    [Fact]
    public void BodySectionsArePlainTextByHeading()
    {
        var brand = ParseSample("harbor-bank").Brand!;
        brand.Section("Voice").ShouldStartWith("Calm and precise.");
        brand.Section("voice").ShouldBe(brand.Section("Voice"));
        brand.Section("Do").ShouldContain("- State the product name exactly: Harbor Everyday Checking, Harbor High-Yield Savings.");
        brand.Section("Do").ShouldNotContain("**");
        brand.Section("Don't").ShouldContain("exclamation marks");
        brand.Section("Nonexistent").ShouldBe("");
    }

    [Fact]
    public void ExamplesAreTheListItemsOfTheExamplesSection()
    {
        var brand = ParseSample("lumen-coffee").Brand!;
        brand.Examples.Count.ShouldBe(5);
        brand.Examples[0].ShouldBe("Your next bag is roasting now. It ships within 48 hours, still warm from the drum.");
        brand.Examples.ShouldAllBe(e => !e.StartsWith("- "));
    }

    [Fact]
    public void RecordsSourcePathAndSha256OfTheText()
    {
        var path = SampleContent.GuidePath("lumen-coffee");
        var text = File.ReadAllText(path);
        var brand = BrandGuideParser.Parse(path, text).Brand!;
        brand.SourcePath.ShouldBe(path);
        brand.ContentHash.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))));
        BrandGuideParser.Parse(path, text + "\n").Brand!.ContentHash.ShouldNotBe(brand.ContentHash);
    }
}
