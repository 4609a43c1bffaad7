using ContentStudio.Core.Segments;
using ContentStudio.Core.Tests.Brands;

namespace ContentStudio.Core.Tests.Segments;

public class SegmentCsvWriterTests
{
    /// <summary>Segment is a record whose lists compare by reference; this makes two imports comparable by content.</summary>
    static string Describe(Segment s) => string.Join(" | ",
        s.Key, s.BrandSlug, s.Name, s.Description, s.AgeBand, s.Locale, s.LifecycleStage,
        string.Join(";", s.Interests), string.Join(";", s.PainPoints), string.Join(";", s.ProtectedAttributes), s.ToneAdjustment,
        string.Join(";", s.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}")));

    static string Write(IEnumerable<Segment> segments)
    {
        var writer = new StringWriter();
        SegmentCsvWriter.Write(segments, writer);
        return writer.ToString();
    }

    [Theory]
    [InlineData("lumen-coffee")]
    [InlineData("harbor-bank")]
    public void SampleSegmentsRoundTrip(string slug)
    {
        using var reader = new StreamReader(SampleContent.SegmentsPath(slug));
        var original = SegmentCsvImporter.Import(slug, reader, "original").Segments;
        original.ShouldNotBeEmpty();

        var again = SegmentCsvImporter.Import(slug, new StringReader(Write(original)), "export");

        again.Errors.ShouldBeEmpty(string.Join("\n", again.Errors));
        again.Segments.Select(Describe).ShouldBe(original.Select(Describe));
    }

    [Fact]
    public void QuotesTextWithCommasQuotesAndLineBreaks()
    {
        var segment = new Segment
        {
            Key = "tricky", BrandSlug = "acme", Name = "Tricky, \"quoted\"", Description = "Two\nlines",
            Attributes = new Dictionary<string, string> { ["region"] = "north, east" },
        };
        var csv = Write([segment]);
        var back = SegmentCsvImporter.Import("acme", new StringReader(csv), "export");
        back.Errors.ShouldBeEmpty(string.Join("\n", back.Errors));
        Describe(back.Segments.Single()).ShouldBe(Describe(segment));
    }

    [Fact]
    public void WritesAColumnForAProtectedAttributeNoSegmentHasAValueFor()
    {
        var segment = new Segment { Key = "all", BrandSlug = "acme", Name = "Everyone", ProtectedAttributes = ["gender"] };
        var csv = Write([segment]);
        csv.Split('\n')[0].ShouldEndWith(",gender");
        SegmentCsvImporter.Import("acme", new StringReader(csv), "export").Errors.ShouldBeEmpty();
    }

    [Fact]
    public void RefusesListItemContainingTheSeparator()
    {
        var segment = new Segment { Key = "bad", BrandSlug = "acme", Name = "Bad", Interests = ["tea;coffee"] };
        Should.Throw<ArgumentException>(() => Write([segment])).Message.ShouldContain("'tea;coffee'");
    }
}
