using ContentStudio.Core.Segments;

namespace ContentStudio.Core.Tests.Segments;

/// <summary>Segment values are checked beyond their format (an age band is a range a checker can read), and an import
/// is previewed as keys added, changed, removed and unchanged before it replaces the brand's list.</summary>
public class SegmentValueAndPlanTests
{
    const string Header = "key,name,description,age_band,locale,lifecycle_stage,interests,pain_points,protected_attributes,tone_adjustment";

    static SegmentImportResult Import(params string[] lines) =>
        SegmentCsvImporter.Import("acme", new StringReader(string.Join("\n", lines)), "upload.csv");

    [Theory]
    [InlineData("18-24")]
    [InlineData("65+")]
    [InlineData("25 - 34")]
    [InlineData("0-17")]
    public void AcceptsRangesAndOpenBands(string band) => SegmentValues.AgeBandProblem(band).ShouldBeNull();

    [Theory]
    [InlineData("old", "is not an age band: write a range such as '18-24'")]
    [InlineData("24-18", "ends at or before it starts: write the lower age first (e.g. '18-24')")]
    [InlineData("18-300", "ends at 300, above any age")]
    [InlineData("18", "is not an age band")]
    [InlineData("=1+2", "is not an age band")]
    public void RefusesWhatIsNoAgeBandSayingWhatToWrite(string band, string says) =>
        SegmentValues.AgeBandProblem(band).ShouldNotBeNull().ShouldContain(says);

    [Fact]
    public void AnImportNamesTheLineAndColumnOfEveryBadValueAndKeepsTheOthersApart()
    {
        var result = Import(Header,
            "students,Students,,old,,prospect,,,,",
            "parents,Parents,,25-34,,active,,,,",
            $"retirees,Retirees,{new string('x', SegmentValues.MaxCellLength + 1)},65+,,loyal,,,,");

        result.Segments.ShouldBeEmpty("all or nothing");
        result.Errors.Select(e => (e.Line, e.Message[..e.Message.IndexOf(':')])).ShouldBe([(2, "Column 'age_band'"), (4, "Column 'description'")]);
        result.Errors[1].Message.ShouldContain($"the limit is {SegmentValues.MaxCellLength}");
    }

    static Segment S(string key, string name = "N", Dictionary<string, string>? attributes = null) =>
        new() { Key = key, BrandSlug = "acme", Name = name, Attributes = attributes ?? new Dictionary<string, string>() };

    [Fact]
    public void APlanListsAddedChangedRemovedAndUnchangedKeys()
    {
        var current = new[] { S("a"), S("b"), S("c", attributes: new() { ["region"] = "north", ["gender"] = "f" }), S("d") };
        var incoming = new[] { S("a"), S("b", name: "Renamed"), S("c", attributes: new() { ["gender"] = "f", ["region"] = "north" }), S("e") };

        var plan = SegmentImportPlan.Compare(current, incoming);

        plan.Added.ShouldBe(["e"]);
        plan.Changed.ShouldBe(["b"]);
        plan.Removed.ShouldBe(["d"]);
        plan.Unchanged.ShouldBe(["a", "c"], "attribute order is no change");
        (plan.Parsed, plan.ChangesAnything).ShouldBe((4, true));
        SegmentImportPlan.Compare(current, current).ChangesAnything.ShouldBeFalse();
    }
}
