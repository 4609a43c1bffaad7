using ContentStudio.Core.Brands;
using ContentStudio.Core.Segments;
using ContentStudio.Core.Tests.Brands;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Tests.Segments;

public class SegmentCsvImporterTests
{
    const string Source = "upload.csv";
    const string Header = "key,name,description,age_band,locale,lifecycle_stage,interests,pain_points,protected_attributes,tone_adjustment,gender";

    static SegmentImportResult Import(params string[] lines) =>
        SegmentCsvImporter.Import("acme", new StringReader(string.Join("\n", lines)), Source);

    static SourceError SingleError(params string[] lines)
    {
        var result = Import(lines);
        result.Segments.ShouldBeEmpty();
        result.Errors.Count.ShouldBe(1, string.Join("\n", result.Errors));
        result.Errors[0].File.ShouldBe(Source);
        return result.Errors[0];
    }

    [Theory]
    [InlineData("lumen-coffee", 7)]
    [InlineData("harbor-bank", 8)]
    public void SampleFileImportsWithoutErrors(string slug, int count)
    {
        using var reader = new StreamReader(SampleContent.SegmentsPath(slug));
        var result = SegmentCsvImporter.Import(slug, reader, slug + ".segments.csv");
        result.Errors.ShouldBeEmpty(string.Join("\n", result.Errors));
        result.Segments.Count.ShouldBe(count);
        result.Segments.ShouldAllBe(s => s.BrandSlug == slug);
        result.Segments.ShouldContain(s => s.ProtectedAttributes.Contains("age_band"));
        result.Segments.ShouldContain(s => s.ProtectedAttributes.Contains("gender") && s.Attributes["gender"] == "female");
    }

    [Fact]
    public void ReadsEveryColumnListsAndFreeAttributes()
    {
        var result = Import(Header + ",region",
            "students,Students,\"Budget, late nights\",18-24,,prospect,study; cold brew ;,tight budget,age_band;Gender,Direct.,,urban");
        result.Errors.ShouldBeEmpty(string.Join("\n", result.Errors));
        var s = result.Segments.Single();
        s.Key.ShouldBe("students");
        s.BrandSlug.ShouldBe("acme");
        s.Description.ShouldBe("Budget, late nights");
        s.AgeBand.ShouldBe("18-24");
        s.Locale.ShouldBe("en-US");
        s.LifecycleStage.ShouldBe("prospect");
        s.Interests.ShouldBe(["study", "cold brew"]);
        s.PainPoints.ShouldBe(["tight budget"]);
        s.ProtectedAttributes.ShouldBe(["age_band", "gender"]);
        s.ToneAdjustment.ShouldBe("Direct.");
        s.Attributes.ShouldBe(new Dictionary<string, string> { ["region"] = "urban" });
    }

    [Fact]
    public void RejectsEmptyFile()
    {
        var error = SingleError("");
        error.Line.ShouldBe(0);
        error.Message.ShouldContain("empty");
    }

    [Fact]
    public void RejectsRowWithoutKey()
    {
        var error = SingleError(Header, "students,Students,,,,,,,,,", ",Parents,,,,,,,,,");
        error.Line.ShouldBe(3);
        error.Message.ShouldContain("Column 'key' is empty");
    }

    [Fact]
    public void RejectsRowWithoutName()
    {
        var error = SingleError(Header, "students,  ,,,,,,,,,");
        error.Line.ShouldBe(2);
        error.Message.ShouldContain("Column 'name' is empty");
    }

    [Theory]
    [InlineData("Young Professionals")]
    [InlineData("young_professionals")]
    [InlineData("young--pros")]
    public void RejectsKeyThatIsNotKebabCase(string key)
    {
        var error = SingleError(Header, $"{key},Young professionals,,,,,,,,,");
        error.Line.ShouldBe(2);
        error.Message.ShouldContain("Column 'key'");
        error.Message.ShouldContain("kebab-case");
    }

    [Fact]
    public void RejectsDuplicateKeyNamingBothLines()
    {
        var error = SingleError(Header, "students,Students,,,,,,,,,", "parents,Parents,,,,,,,,,", "students,Students again,,,,,,,,,");
        error.Line.ShouldBe(4);
        error.Message.ShouldContain("already used on line 2");
    }

    [Fact]
    public void RejectsHeaderTypoOfAKnownColumn()
    {
        var error = SingleError("key,name,protected_atributes", "students,Students,age_band");
        error.Line.ShouldBe(1);
        error.Message.ShouldContain("Unknown column 'protected_atributes'. Did you mean 'protected_attributes'?");
    }

    [Fact]
    public void RejectsHeaderWithoutRequiredColumn()
    {
        var error = SingleError("key,description", "students,Budget");
        error.Line.ShouldBe(1);
        error.Message.ShouldContain("no 'name' column");
    }

    [Fact]
    public void RejectsProtectedAttributeThatNamesNoColumn()
    {
        var error = SingleError(Header, "students,Students,,18-24,,,,,age_band;ethnicity,,");
        error.Line.ShouldBe(2);
        error.Message.ShouldContain("Column 'protected_attributes': 'ethnicity' names no attribute column");
        error.Message.ShouldContain("gender");
    }

    [Fact]
    public void RejectsUnbalancedQuotesAtTheLineTheQuoteOpens()
    {
        var result = Import(Header, "students,Students,,,,,,,,,", "parents,\"Parents,,,,,,,,,", "retirees,Retirees,,,,,,,,,");
        result.Segments.ShouldBeEmpty();
        result.Errors.ShouldContain(e => e.Line == 3 && e.Message.Contains("never closed"), string.Join("\n", result.Errors));
    }

    [Fact]
    public void RejectsRowWithTooManyFields()
    {
        var error = SingleError("key,name,description", "students,Students,Budget, late nights");
        error.Line.ShouldBe(2);
        error.Message.ShouldContain("4 fields but the header has 3");
    }

    [Fact]
    public void LineNumbersCountLinesInsideQuotedFields()
    {
        var error = SingleError("key,name,description", "students,Students,\"Line one", "line two\"", "Bad Key,Parents,");
        error.Line.ShouldBe(4);
    }

    [Fact]
    public void OneBadRowImportsNothing()
    {
        var result = Import(Header, "students,Students,,,,,,,,,", "parents,Parents,,,,,,,,,", "BAD,Bad,,,,,,,,,");
        result.Segments.ShouldBeEmpty();
        result.Errors.Single().Line.ShouldBe(4);
        result.Succeeded.ShouldBeFalse();
    }

    [Fact]
    public void ReportsErrorsOfSeveralRowsInLineOrder()
    {
        var result = Import(Header, ",Students,,,,,,,,,", "ok-row,Fine,,,,,,,,,", "parents,,,,,,,,,,");
        result.Errors.Select(e => e.Line).ShouldBe([2, 4]);
    }
}
