using ContentStudio.Core.Brands;

namespace ContentStudio.Core.Tests.Brands;

/// <summary>A guide's prose goes into every prompt for its brand, so its size is bounded before it is parsed.</summary>
public class BrandGuideLimitTests
{
    static string GuideOf(int length)
    {
        const string head = "---\nname: Acme\n---\n# Voice\n\n";
        return head + new string('a', length - head.Length);
    }

    [Fact]
    public void AGuideAtTheLimitParses() =>
        BrandGuideParser.Parse("brand-guides/acme.md", GuideOf(BrandGuideParser.MaxFileLength)).Errors.ShouldBeEmpty();

    [Fact]
    public void AGuideOverTheLimitIsRefusedNamingTheFileAndTheLimit()
    {
        var result = BrandGuideParser.Parse("brand-guides/acme.md", GuideOf(BrandGuideParser.MaxFileLength + 1));
        result.Brand.ShouldBeNull();
        var error = result.Errors.Single();
        error.File.ShouldBe("brand-guides/acme.md");
        error.Message.ShouldStartWith("The guide is 262,145 characters; the limit is 262,144.");
    }
}
