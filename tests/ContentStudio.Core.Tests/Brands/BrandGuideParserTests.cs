using ContentStudio.Core.Brands;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Tests.Brands;

/// <summary>Small guides written line by line, so each expected line number can be counted in the test.</summary>
public class BrandGuideParserTests
{
    const string File = "brand-guides/acme.md";

    static BrandParseResult Parse(params string[] lines) => BrandGuideParser.Parse(File, string.Join("\n", lines));

    static SourceError SingleError(params string[] lines)
    {
        var result = Parse(lines);
        result.Brand.ShouldBeNull();
        result.Errors.Count.ShouldBe(1, string.Join("\n", result.Errors));
        result.Errors[0].File.ShouldBe(File);
        return result.Errors[0];
    }

    [Fact]
    public void MinimalGuideGetsSlugFromFileNameAndDefaults()
    {
        var result = Parse("---", "name: Acme", "---");
        result.Errors.ShouldBeEmpty();
        var brand = result.Brand!;
        brand.Slug.ShouldBe("acme");
        brand.Locale.ShouldBe("en-US");
        brand.ReadingLevel.ShouldBe(new ReadingLevel(6, 10));
        brand.Style.ShouldBe(new StylePolicy());
        brand.Sections.ShouldBeEmpty();
    }

    [Fact]
    public void SlugInFrontMatterWinsOverFileName()
    {
        var brand = Parse("---", "name: Acme", "slug: acme-corp", "---").Brand!;
        brand.Slug.ShouldBe("acme-corp");
    }

    [Fact]
    public void BannedTermsMayBePlainOrWithReason()
    {
        var brand = Parse("---", "name: Acme", "banned_terms:", "  - cheap", "  - term: guaranteed", "    reason: we guarantee nothing", "---").Brand!;
        brand.BannedTerms.ShouldBe([new TermRule("cheap"), new TermRule("guaranteed", null, "we guarantee nothing")]);
    }

    [Fact]
    public void DeeperHeadingsStayInsideTheirSectionAndTheirListsAreExamples()
    {
        var brand = Parse("---", "name: Acme", "---", "## Examples", "### Email", "- Hello there.", "### SMS", "- Hi.", "## Do", "Be kind.").Brand!;
        brand.Examples.ShouldBe(["Hello there.", "Hi."]);
        brand.Section("Examples").ShouldContain("Email");
        brand.Section("Do").ShouldBe("Be kind.");
    }

    [Fact]
    public void WindowsLineEndingsKeepLineNumbers()
    {
        var result = BrandGuideParser.Parse(File, "---\r\nname: Acme\r\nregulated: maybe\r\n---\r\n");
        result.Errors.Single().Line.ShouldBe(3);
    }

    [Fact]
    public void RejectsEmptyFile()
    {
        var error = SingleError("  ", "");
        error.Line.ShouldBe(0);
        error.Message.ShouldContain("empty");
    }

    [Fact]
    public void RejectsGuideWithoutFrontMatter()
    {
        var error = SingleError("", "# Acme", "name: Acme");
        error.Line.ShouldBe(2);
        error.Message.ShouldContain("Missing front matter");
    }

    [Fact]
    public void RejectsFrontMatterThatIsNeverClosed()
    {
        var error = SingleError("---", "name: Acme", "# Voice");
        error.Line.ShouldBe(1);
        error.Message.ShouldContain("never closed");
    }

    [Fact]
    public void ReportsYamlSyntaxErrorAtItsFileLine()
    {
        var error = SingleError("---", "name: Acme", "locale: en-US", "  industry: coffee", "---");
        error.Line.ShouldBe(4);
        error.Message.ShouldStartWith("YAML syntax error");
    }

    [Fact]
    public void ReportsUnclosedFlowListAtTheLineItOpens()
    {
        var error = SingleError("---", "name: Acme", "voice: [warm, playful", "locale: en-US", "---");
        error.Line.ShouldBe(3);
        error.Message.ShouldContain("never closed");
    }

    [Fact]
    public void ReportsDuplicateKey()
    {
        var error = SingleError("---", "name: Acme", "locale: en-US", "name: Acme 2", "---");
        error.Line.ShouldBe(4);
        error.Message.ShouldContain("'name' appears twice");
    }

    [Fact]
    public void RejectsUnknownKeyWithSuggestionAndAllowedKeys()
    {
        var error = SingleError("---", "name: Acme", "prefered_terms: [roast]", "---");
        error.Line.ShouldBe(3);
        error.Message.ShouldContain("Unknown key 'prefered_terms'");
        error.Message.ShouldContain("Did you mean 'preferred_terms'?");
        error.Message.ShouldContain("banned_terms");
    }

    [Fact]
    public void RejectsUnknownNestedKey()
    {
        var error = SingleError("---", "name: Acme", "style:", "  max_exclamation: 1", "---");
        error.Line.ShouldBe(4);
        error.Message.ShouldContain("Did you mean 'max_exclamations'?");
    }

    [Theory]
    [InlineData("regulated: maybe", "'regulated' must be true or false, not 'maybe'")]
    [InlineData("voice: warm", "'voice' must be a list")]
    [InlineData("industry: [coffee, tea]", "'industry' must be text, not a list")]
    [InlineData("disclaimers: [email]", "'disclaimers' must be a mapping")]
    public void RejectsWrongTypes(string line, string expected)
    {
        var result = Parse("---", "name: Acme", line, "---");
        result.Brand.ShouldBeNull();
        result.Errors.ShouldContain(e => e.Line == 3 && e.Message.Contains(expected), string.Join("\n", result.Errors));
    }

    [Fact]
    public void RejectsNonNumericGrade()
    {
        var error = SingleError("---", "name: Acme", "reading_level:", "  min_grade: 4", "  max_grade: high", "---");
        error.Line.ShouldBe(5);
        error.Message.ShouldContain("'reading_level.max_grade' must be a number");
    }

    [Fact]
    public void RejectsGuideWithoutName()
    {
        var error = SingleError("---", "locale: en-US", "---", "# Voice");
        error.Line.ShouldBe(1);
        error.Message.ShouldContain("no 'name'");
    }

    [Fact]
    public void RejectsUnknownChannelInDisclaimers()
    {
        var error = SingleError("---", "name: Acme", "disclaimers:", "  email: Terms apply.", "  emial: Terms apply.", "---");
        error.Line.ShouldBe(5);
        error.Message.ShouldContain("Unknown channel 'emial'");
        error.Message.ShouldContain("Did you mean 'email'?");
        error.Message.ShouldContain("landing-hero");
    }

    [Fact]
    public void RejectsMinGradeAboveMaxGrade()
    {
        var error = SingleError("---", "name: Acme", "reading_level:", "  min_grade: 9", "  max_grade: 6", "---");
        error.Line.ShouldBe(4);
        error.Message.ShouldContain("above 'max_grade'");
    }

    [Fact]
    public void RejectsTermThatIsBothPreferredAndBanned()
    {
        var error = SingleError("---", "name: Acme", "preferred_terms: [roast, Cheap]", "banned_terms:", "  - term: cheap", "    reason: no", "---");
        error.Line.ShouldBe(5);
        error.Message.ShouldContain("'cheap' is both a preferred term (line 3) and a banned term");
    }

    [Fact]
    public void RejectsClaimWithoutEvidence()
    {
        var error = SingleError("---", "name: Acme", "claims:", "  - text: Fastest in town", "---");
        error.Line.ShouldBe(4);
        error.Message.ShouldContain("'Fastest in town' has no 'evidence'");
    }

    [Fact]
    public void RejectsDeprecatedTermWithoutReplacement()
    {
        var error = SingleError("---", "name: Acme", "deprecated_terms:", "  - java", "---");
        error.Line.ShouldBe(4);
        error.Message.ShouldContain("needs a 'replacement'");
    }

    [Fact]
    public void RejectsSlugThatIsNotKebabCase()
    {
        var error = SingleError("---", "name: Acme", "slug: Acme Corp", "---");
        error.Line.ShouldBe(3);
        error.Message.ShouldContain("kebab-case");
    }

    [Fact]
    public void RejectsFileNameThatIsNoSlugUnlessTheGuideSetsOne()
    {
        var result = BrandGuideParser.Parse("brand-guides/Acme Corp.md", "---\nname: Acme\n---\n");
        result.Errors.Single().Message.ShouldContain("'Acme Corp.md' is not a valid slug");
        BrandGuideParser.Parse("brand-guides/Acme Corp.md", "---\nname: Acme\nslug: acme\n---\n").Errors.ShouldBeEmpty();
    }

    [Fact]
    public void RejectsSectionHeadingUsedTwiceAtItsFileLine()
    {
        var error = SingleError("---", "name: Acme", "---", "## Do", "Be kind.", "", "## Do", "Be brief.");
        error.Line.ShouldBe(7);
        error.Message.ShouldContain("first on line 4");
    }

    [Fact]
    public void ReportsEveryErrorInFileOrder()
    {
        var result = Parse("---", "regulated: maybe", "style:", "  emoji_allowed: sometimes", "---");
        result.Errors.Select(e => e.Line).ShouldBe([1, 2, 4]);
    }
}
