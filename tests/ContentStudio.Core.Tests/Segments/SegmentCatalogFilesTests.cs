using ContentStudio.Core.Segments;
using ContentStudio.Core.Tests.Brands;

namespace ContentStudio.Core.Tests.Segments;

public class SegmentCatalogFilesTests
{
    [Fact]
    public void LoadsTheSampleSegmentsOfEveryBrand()
    {
        var result = SegmentCatalogFiles.LoadSamples(SampleContent.BrandGuidesFolder);
        result.Errors.ShouldBeEmpty(string.Join("\n", result.Errors));
        result.Segments.Select(s => s.BrandSlug).Distinct().ShouldBe(["harbor-bank", "lumen-coffee"]);
        result.Segments.Count(s => s.BrandSlug == "harbor-bank").ShouldBeGreaterThanOrEqualTo(6);
        result.Segments.Count(s => s.BrandSlug == "lumen-coffee").ShouldBeGreaterThanOrEqualTo(6);
    }

    [Fact]
    public void ABrokenFileAddsErrorsButNotSegmentsAndOthersStillLoad()
    {
        using var folder = new TempFolder();
        folder.Write("acme.segments.csv", "key,name\nstudents,Students\n");
        var broken = folder.Write("beta.segments.csv", "key,name\nstudents,Students\nBAD KEY,Bad\n");
        var result = SegmentCatalogFiles.LoadSamples(folder.Path);
        result.Segments.Select(s => s.BrandSlug).ShouldBe(["acme"]);
        result.Errors.Single().File.ShouldBe(broken);
        result.Errors.Single().Line.ShouldBe(3);
    }

    [Fact]
    public void MissingFolderIsAnError()
    {
        var result = SegmentCatalogFiles.LoadSamples(Path.Combine(Path.GetTempPath(), "cs-missing-" + Guid.NewGuid().ToString("N")));
        result.Segments.ShouldBeEmpty();
        result.Errors.Single().Message.ShouldContain("does not exist");
    }
}
