using ContentStudio.Core.Brands;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Checks;

namespace ContentStudio.Core.Tests.Brands;

/// <summary>Rules a real brand guide states, written as data in the guide (issue #10 §1): severity per rule, an ALL CAPS
/// allowlist and minimum length, competitors that are also common words, known product misspellings, the brand's own
/// contact points as a PII allowlist, and emoji per channel, detected by grapheme cluster. Each is parsed with line-numbered
/// errors and changes what the checks report.</summary>
public sealed class GuideRuleDataTests
{
    private const string File = "brand-guides/orchard.md";

    private static Brand Parse(string frontMatter)
    {
        var result = BrandGuideParser.Parse(File, $"---\nname: Orchard Mobile\n{frontMatter}\n---\n## Voice\nPlain.\n");
        result.Errors.ShouldBeEmpty(string.Join("\n", result.Errors));
        return result.Brand!;
    }

    private static IReadOnlyList<SourceErrorView> Errors(string frontMatter) =>
        [.. BrandGuideParser.Parse(File, $"---\nname: Orchard Mobile\n{frontMatter}\n---\n").Errors.Select(e => new SourceErrorView(e.Line, e.Message))];

    private sealed record SourceErrorView(int Line, string Message);

    private static IReadOnlyList<Finding> Check(Brand brand, string text, ChannelKind channel = ChannelKind.Email, string rule = "") =>
        [.. new CheckPipelineFactory().ForBrand(brand).Run(text, channel).Findings.Where(f => f.RuleId.StartsWith(rule, StringComparison.Ordinal))];

    [Fact]
    public void TheBrandSetsTheSeverityOfARuleOrAWholeFamily()
    {
        var brand = Parse("competitors: [Globex]\nseverity:\n  brand.competitor: blocker\n  brand.voice: info");
        Check(brand, "Unlike Globex, we answer the phone.", rule: "brand.competitor").ShouldHaveSingleItem().Severity.ShouldBe(Severity.Blocker);
        Check(brand, "This is AMAZING news.", rule: "brand.voice").ShouldAllBe(f => f.Severity == Severity.Info);
        Check(brand, "This is AMAZING news.", rule: "brand.voice").ShouldNotBeEmpty();
        // Without the setting the checks keep their own severity.
        Check(Parse("competitors: [Globex]"), "Unlike Globex, we answer the phone.", rule: "brand.competitor").Single().Severity.ShouldBe(Severity.Warning);
    }

    [Fact]
    public void ASeverityThatIsNotALevelOrARuleIdIsAnErrorOnItsLine()
    {
        var errors = Errors("severity:\n  brand.competitor: fatal\n  Brand Competitor: warning");
        errors.ShouldContain(e => e.Line == 4 && e.Message.Contains("blocker, warning, info"));
        errors.ShouldContain(e => e.Line == 5 && e.Message.Contains("not a rule id"));
    }

    [Fact]
    public void ListedCapitalsPassAndTheMinimumLengthCatchesShortShouting()
    {
        var brand = Parse("style:\n  all_caps_min_length: 3\n  all_caps_allowlist: [FDIC, APY, XXL, SKU-20A]");
        var caps = Check(brand, "Order NOW: FDIC insured, 4% APY, sizes up to XXL, code SKU-20A. Be QUICK.", rule: "brand.voice.all-caps");
        caps.Select(f => f.Text).ShouldBe(["NOW", "QUICK"]);
        // The default keeps acronyms of up to four letters.
        Check(Parse(""), "Order NOW, be QUICK.", rule: "brand.voice.all-caps").Select(f => f.Text).ShouldBe(["QUICK"]);
        Errors("style:\n  all_caps_min_length: 1").ShouldContain(e => e.Line == 4 && e.Message.Contains("between 2 and 20"));
    }

    [Fact]
    public void ACompetitorThatIsACommonWordIsFlaggedOnlyAsAName()
    {
        var brand = Parse("competitors:\n  - name: Apple\n    common_word: true\n  - Globex");
        Check(brand, "Pack an apple for the road. Apple juice is on us.", rule: "brand.competitor").ShouldBeEmpty();
        Check(brand, "Our plans cost less than Apple's.", rule: "brand.competitor").ShouldHaveSingleItem();
        Check(brand, "Switch from Apple today.", rule: "brand.competitor").ShouldHaveSingleItem();
        Check(brand, "Works with Apple Pay.", rule: "brand.competitor").ShouldHaveSingleItem();
        // A competitor that is not a common word is flagged in any form.
        Check(brand, "globex is slower.", rule: "brand.competitor").ShouldHaveSingleItem();
        Parse("competitors:\n  - name: Apple\n    common_word: true").CommonWordCompetitors.ShouldContain("Apple");
        Errors("competitors:\n  - common_word: true").ShouldContain(e => e.Line == 4 && e.Message.Contains("no 'name'"));
    }

    [Fact]
    public void KnownMisspellingsOfAProductAreAlwaysFlaggedButNotInsideAnAddress()
    {
        var brand = Parse("product_names: [OrchardPlus]\nproduct_misspellings:\n  - misspelling: Orchard Pluss\n    product: OrchardPlus\n  - misspelling: OrchidPlus\n    product: OrchardPlus");
        var found = Check(brand, "Try Orchard Pluss or OrchidPlus today.", rule: "brand.product-name");
        found.Select(f => f.Text).ShouldBe(["Orchard Pluss", "OrchidPlus"]);
        found.ShouldAllBe(f => f.Suggestion == "OrchardPlus");
        Check(brand, "Write to help@orchidplus.com.", rule: "brand.product-name").ShouldBeEmpty();
        Errors("product_names: [OrchardPlus]\nproduct_misspellings:\n  - misspelling: Orchid\n    product: OrchardPro")
            .ShouldContain(e => e.Line == 5 && e.Message.Contains("not one of 'product_names'"));
    }

    [Fact]
    public void TheBrandsOwnContactPointsAreNotPersonalData()
    {
        var brand = Parse("pii_allowlist: [orchardmobile.com, \"1-800-555-0199\"]");
        Check(brand, "Questions? Write to help@orchardmobile.com or call (800) 555-0199.", rule: "pii").ShouldBeEmpty();
        Check(brand, "Questions? Write to help@support.orchardmobile.com.", rule: "pii").ShouldBeEmpty();
        var other = Check(brand, "Or write to jane.doe@gmail.com or call 415-555-0142.", rule: "pii");
        other.Select(f => f.RuleId).ShouldBe(["pii.email", "pii.phone"]);
    }

    [Fact]
    public void EmojiAreOneGraphemeClusterEachAndTypographicSymbolsAreNotEmoji()
    {
        var brand = Parse("");
        var emoji = Check(brand, "Family plan 👨‍👩‍👧‍👦 for 🇺🇸 fans, 👍🏽 and press 1️⃣ now.", rule: "brand.voice.emoji");
        emoji.Select(f => f.Text).ShouldBe(["👨‍👩‍👧‍👦", "🇺🇸", "👍🏽", "1️⃣"]);
        Check(brand, "Rated ★★★★ by reviewers ✓ and still → cheaper ©.", rule: "brand.voice.emoji").ShouldBeEmpty();
        Check(brand, "We ❤️ our customers. ☕ is on us.", rule: "brand.voice.emoji").Select(f => f.Text).ShouldBe(["❤️", "☕"]);
    }

    [Fact]
    public void EmojiCanBeAllowedOnNamedChannelsOnly()
    {
        var brand = Parse("style:\n  emoji_allowed: [social, push]");
        Check(brand, "New plans are here 🎉", ChannelKind.Social, "brand.voice.emoji").ShouldBeEmpty();
        Check(brand, "New plans are here 🎉", ChannelKind.Email, "brand.voice.emoji").ShouldHaveSingleItem();
        Errors("style:\n  emoji_allowed: [social, tiktok]").ShouldContain(e => e.Line == 4 && e.Message.Contains("Unknown channel 'tiktok'"));
    }
}
