using ContentStudio.Core.Brands;
using ContentStudio.Core.Campaigns;
using ContentStudio.Core.Channels;

namespace ContentStudio.Core.Tests.Campaigns;

public sealed class BriefValidatorTests
{
    private static readonly Brand Lumen = new() { Slug = "lumen", Name = "Lumen Bank" };
    private static readonly string[] Keys = ["retirees", "students"];
    private static readonly DateTime Now = new(2026, 11, 29, 9, 0, 0, DateTimeKind.Utc);

    private static readonly CampaignBrief Valid = new()
    {
        Name = "Spring savings", BrandSlug = "lumen", Product = "Lumen Saver", Objective = "Open accounts",
        KeyMessages = ["4% AER"], Channels = [ChannelKind.Email], SegmentKeys = ["retirees"],
        VariantsPerSegment = 3, BusinessImpact = 3, DeadlineUtc = Now.AddDays(10),
    };

    private static IReadOnlyList<FieldError> Validate(CampaignBrief brief, Brand? brand = null) =>
        BriefValidator.Validate(brief, brand ?? Lumen, Keys, Now);

    private static FieldError Single(CampaignBrief brief, string field)
    {
        var errors = Validate(brief);
        errors.Count.ShouldBe(1, string.Join("; ", errors));
        errors[0].Field.ShouldBe(field);
        return errors[0];
    }

    [Fact]
    public void AcceptsACompleteBrief() => Validate(Valid).ShouldBeEmpty();

    [Fact]
    public void ASanctionedExtraMustNameASegmentOfTheBriefAndSaySomething()
    {
        Validate(Valid with { SanctionedExtras = [new SanctionedExtra(["retirees"], "a free health check")] }).ShouldBeEmpty();
        Single(Valid with { SanctionedExtras = [new SanctionedExtra(["students"], "a student rate")] }, "sanctionedExtras[0].segments")
            .Message.ShouldContain("'students' is not one of the brief's segments");
        Single(Valid with { SanctionedExtras = [new SanctionedExtra(["retirees"], " ")] }, "sanctionedExtras[0].text");
    }

    [Fact]
    public void RequiresAName() => Single(Valid with { Name = "  " }, "name").Message.ShouldBe("Campaign name is required.");

    [Fact]
    public void NamesAnUnknownBrandAndWhereItsGuideWouldBe()
    {
        var errors = BriefValidator.Validate(Valid with { BrandSlug = "nova" }, null, Keys, Now);
        errors.ShouldContain(e => e.Field == "brandSlug" && e.Message.Contains("'nova' is unknown") && e.Message.Contains("brand-guides/nova.md"));
    }

    [Fact]
    public void RequiresABrand() =>
        BriefValidator.Validate(Valid with { BrandSlug = "" }, null, Keys, Now).ShouldContain(e => e.Field == "brandSlug" && e.Message == "Choose a brand.");

    [Fact]
    public void RequiresAProduct() => Single(Valid with { Product = "" }, "product");

    [Fact]
    public void RequiresAnObjective() => Single(Valid with { Objective = "" }, "objective");

    [Fact]
    public void RequiresAtLeastOneKeyMessage() =>
        Single(Valid with { KeyMessages = [" "] }, "keyMessages").Message.ShouldBe("Add at least one key message.");

    [Fact]
    public void PointsAtAnEmptyKeyMessageAmongGoodOnes() =>
        Single(Valid with { KeyMessages = ["4% AER", ""] }, "keyMessages[1]").Message.ShouldContain("empty");

    [Fact]
    public void RequiresAtLeastOneChannel() => Single(Valid with { Channels = [] }, "channels").Message.ShouldBe("Choose at least one channel.");

    [Fact]
    public void RejectsAChannelListedTwice() => Single(Valid with { Channels = [ChannelKind.Sms, ChannelKind.Sms] }, "channels");

    [Fact]
    public void RequiresAtLeastOneSegment() => Single(Valid with { SegmentKeys = [] }, "segmentKeys");

    [Fact]
    public void NamesAnUnknownSegmentAndListsTheKnownOnes() =>
        Single(Valid with { SegmentKeys = ["retirees", "astronauts"] }, "segmentKeys").Message
            .ShouldBe("Segment 'astronauts' is unknown for brand 'lumen'; known segments: retirees, students.");

    [Fact]
    public void TellsToImportSegmentsWhenTheBrandHasNone() =>
        BriefValidator.Validate(Valid, Lumen, [], Now).Single().Message.ShouldContain("import segments first");

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void KeepsVariantsBetweenOneAndTen(int variants) =>
        Single(Valid with { VariantsPerSegment = variants }, "variantsPerSegment").Message.ShouldContain("between 1 and 10");

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    public void AcceptsTheEdgesOfTheVariantRange(int variants) => Validate(Valid with { VariantsPerSegment = variants }).ShouldBeEmpty();

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void KeepsBusinessImpactBetweenOneAndFive(int impact) => Single(Valid with { BusinessImpact = impact }, "businessImpact");

    [Fact]
    public void RejectsADeadlineInThePast() =>
        Single(Valid with { DeadlineUtc = Now.AddMinutes(-1) }, "deadlineUtc").Message.ShouldContain("in the past");

    [Fact]
    public void AcceptsNoDeadline() => Validate(Valid with { DeadlineUtc = null }).ShouldBeEmpty();

    [Fact]
    public void SaysHowLongATooLongNameIsAndWhatTheLimitIs() =>
        Single(Valid with { Name = new string('x', 121) }, "name").Message.ShouldBe("Campaign name is 121 characters; keep it to 120.");

    [Fact]
    public void LimitsTheCallToActionLength() => Single(Valid with { CallToAction = new string('x', 61) }, "callToAction");

    public static TheoryData<string, Func<string, CampaignBrief>, int> CappedFields() => new()
    {
        { "name", v => Valid with { Name = v }, BriefValidator.MaxNameLength },
        { "product", v => Valid with { Product = v }, BriefValidator.MaxProductLength },
        { "objective", v => Valid with { Objective = v }, BriefValidator.MaxObjectiveLength },
        { "keyMessages[0]", v => Valid with { KeyMessages = [v] }, BriefValidator.MaxMessageLength },
        { "offer", v => Valid with { Offer = v }, BriefValidator.MaxOfferLength },
        { "callToAction", v => Valid with { CallToAction = v }, BriefValidator.MaxCallToActionLength },
    };

    [Theory]
    [MemberData(nameof(CappedFields))]
    public void AcceptsEachTextFieldAtItsLimitAndNamesItJustOver(string field, Func<string, CampaignBrief> brief, int limit)
    {
        Validate(brief(new string('x', limit))).ShouldBeEmpty();
        Single(brief(new string('x', limit + 1)), field).Message.ShouldEndWith($"is {limit + 1} characters; keep it to {limit}.");
    }

    [Fact]
    public void AcceptsTheMostKeyMessages() =>
        Validate(Valid with { KeyMessages = Enumerable.Repeat("4% AER", BriefValidator.MaxKeyMessages).ToList() }).ShouldBeEmpty();

    [Fact]
    public void TooManyKeyMessagesIsOneErrorHoweverLongEachIs() =>
        Single(Valid with { KeyMessages = Enumerable.Repeat(new string('x', 1_000), 100_000).ToList() }, "keyMessages")
            .Message.ShouldBe("100000 key messages; keep it to 10.");

    [Fact]
    public void ReportsEveryProblemAtOnce() =>
        Validate(new CampaignBrief { BrandSlug = "lumen", VariantsPerSegment = 0 }).Select(e => e.Field).ShouldBe(
            ["name", "product", "objective", "keyMessages", "channels", "segmentKeys", "variantsPerSegment"]);
}
