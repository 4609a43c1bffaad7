using ContentStudio.Core.Channels;
using ContentStudio.Core.Generation;

namespace ContentStudio.Core.Tests.Generation;

public class VariantOutputParserTests
{
    static readonly ChannelSpec Ad = ChannelCatalog.Ad;
    static readonly ChannelSpec Social = ChannelCatalog.Social;

    [Fact]
    public void ReadsCleanJsonWithoutRepair()
    {
        var result = VariantOutputParser.Parse("""{"headline": "Save on solar", "description": "Panels that pay for themselves."}""", Ad);
        result.IsValid.ShouldBeTrue();
        result.WasRepaired.ShouldBeFalse();
        result.Fields["headline"].ShouldBe("Save on solar");
        result.Fields["description"].ShouldBe("Panels that pay for themselves.");
        result.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void StripsCodeFences()
    {
        var result = VariantOutputParser.Parse("```json\n{\"headline\": \"A\", \"description\": \"B\"}\n```", Ad);
        result.IsValid.ShouldBeTrue();
        result.Fields["headline"].ShouldBe("A");
    }

    [Fact]
    public void TakesTheObjectOutOfSurroundingProse()
    {
        var result = VariantOutputParser.Parse("Sure! Here's your ad:\n{\"headline\": \"A {really} good deal\", \"description\": \"B\"}\nLet me know if you'd like changes.", Ad);
        result.IsValid.ShouldBeTrue();
        result.Fields["headline"].ShouldBe("A {really} good deal");
        result.Warnings.ShouldContain(w => w.Contains("surrounding prose"));
    }

    [Fact]
    public void SkipsBracesInProseBeforeTheObject()
    {
        var result = VariantOutputParser.Parse("I can't {really} say. {\"headline\": \"A\", \"description\": \"B\"}", Ad);
        result.IsValid.ShouldBeTrue();
        result.Fields["description"].ShouldBe("B");
    }

    [Fact]
    public void RepairsTrailingCommas()
    {
        var result = VariantOutputParser.Parse("{\"headline\": \"A\", \"description\": \"B\",}", Ad);
        result.IsValid.ShouldBeTrue();
        result.WasRepaired.ShouldBeTrue();
    }

    [Fact]
    public void RepairsSingleQuotesKeepingApostrophesAndDoubleQuotes()
    {
        var result = VariantOutputParser.Parse("{'headline': 'It\\'s \"new\"', 'description': 'B'}", Ad);
        result.IsValid.ShouldBeTrue();
        result.WasRepaired.ShouldBeTrue();
        result.Fields["headline"].ShouldBe("It's \"new\"");
    }

    [Fact]
    public void RepairsBareKeysAndRawNewlinesInStrings()
    {
        var result = VariantOutputParser.Parse("{headline: \"A\", description: \"line one\nline two\"}", Ad);
        result.IsValid.ShouldBeTrue();
        result.Fields["description"].ShouldBe("line one\nline two");
    }

    [Fact]
    public void ClosesATruncatedStringAndObject()
    {
        var result = VariantOutputParser.Parse("{\"headline\": \"Save on solar\", \"description\": \"Panels that pay for thems", Ad);
        result.IsValid.ShouldBeTrue();
        result.WasRepaired.ShouldBeTrue();
        result.Fields["description"].ShouldBe("Panels that pay for thems");
    }

    [Fact]
    public void CutsADanglingKeyFromATruncatedObjectAndReportsItMissing()
    {
        var result = VariantOutputParser.Parse("```json\n{\"headline\": \"Save on solar\", \"descrip", Ad);
        result.WasRepaired.ShouldBeTrue();
        result.Fields["headline"].ShouldBe("Save on solar");
        result.Errors.ShouldBe(["missing required field 'description' (Description)"]);
    }

    [Fact]
    public void MatchesKeysIgnoringCaseAndUsesTheChannelsSpelling()
    {
        var result = VariantOutputParser.Parse("{\"HeadLine\": \"A\", \"DESCRIPTION\": \"B\"}", Ad);
        result.IsValid.ShouldBeTrue();
        result.Fields.Keys.ShouldBe(["headline", "description"]);
    }

    [Fact]
    public void ReportsMissingAndEmptyRequiredFields()
    {
        var result = VariantOutputParser.Parse("{\"description\": \"  \"}", Ad);
        result.IsValid.ShouldBeFalse();
        result.Errors.ShouldContain("missing required field 'headline' (Headline)");
        result.Errors.ShouldContain("required field 'description' (Description) is empty");
    }

    [Fact]
    public void AcceptsAMissingOptionalField()
    {
        var result = VariantOutputParser.Parse("{\"post\": \"Hello\"}", Social);
        result.IsValid.ShouldBeTrue();
        result.Fields.ContainsKey("hashtags").ShouldBeFalse();
    }

    [Fact]
    public void ReportsUnknownFieldsWithoutFailing()
    {
        var result = VariantOutputParser.Parse("{\"headline\": \"A\", \"description\": \"B\", \"notes\": \"why\"}", Ad);
        result.IsValid.ShouldBeTrue();
        result.Fields.ContainsKey("notes").ShouldBeFalse();
        result.Warnings.ShouldContain(w => w.Contains("unknown field 'notes'"));
    }

    [Fact]
    public void TurnsNumbersIntoStringsAndRejectsLists()
    {
        var result = VariantOutputParser.Parse("{\"headline\": 2026, \"description\": [\"a\", \"b\"]}", Ad);
        result.Fields["headline"].ShouldBe("2026");
        result.Errors.ShouldBe(["field 'description' must be a string (got a list)"]);
    }

    [Fact]
    public void DoesNotTreatOverLimitValuesAsErrors()
    {
        var result = VariantOutputParser.Parse($"{{\"headline\": \"{new string('x', 200)}\", \"description\": \"B\"}}", Ad);
        result.IsValid.ShouldBeTrue();
        result.Fields["headline"].Length.ShouldBe(200);
    }

    [Fact]
    public void UnwrapsFieldsNestedUnderOneKey()
    {
        var result = VariantOutputParser.Parse("{\"ad\": {\"headline\": \"A\", \"description\": \"B\"}}", Ad);
        result.IsValid.ShouldBeTrue();
        result.Fields["headline"].ShouldBe("A");
    }

    [Theory]
    [InlineData("I'm sorry, I can't help with that.")]
    [InlineData("")]
    [InlineData("[\"headline\", \"description\"]")]
    public void ReportsOutputWithoutAJsonObject(string raw)
    {
        var result = VariantOutputParser.Parse(raw, Ad);
        result.IsValid.ShouldBeFalse();
        result.Fields.ShouldBeEmpty();
        result.Errors.Single().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void NamesTheExpectedKeysWhenThereIsNoObject()
    {
        var result = VariantOutputParser.Parse("Headline: Save on solar", Ad);
        result.Errors.Single().ShouldContain("headline, description");
    }
}
