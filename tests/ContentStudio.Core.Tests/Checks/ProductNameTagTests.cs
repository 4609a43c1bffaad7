using ContentStudio.Core.Checks.BrandRules;

namespace ContentStudio.Core.Tests.Checks;

/// <summary>A product name inside a hashtag, handle, e-mail address or link is spelled the way those must be, not misspelled.</summary>
public sealed class ProductNameTagTests
{
    [Theory]
    [InlineData("Join us #LumenRoastClub today", "LumenRoastClub", true)]
    [InlineData("Follow @lumenroastclub.", "lumenroastclub", true)]
    [InlineData("Write to club@lumenroastclub.com", "lumenroastclub", true)]
    [InlineData("Terms at lumenroastclub.com/terms.", "lumenroastclub", true)]
    [InlineData("See https://example.org/LumenRoastClub", "LumenRoastClub", true)]
    [InlineData("Try LumenRoastClub now.", "LumenRoastClub", false)]
    [InlineData("Love lumen roast club.", "lumen roast club", false)]
    public void TellsATagOrAddressFromProse(string text, string name, bool tag)
    {
        var start = text.IndexOf(name, StringComparison.Ordinal);
        ProductNameCheck.InTagOrAddress(text, start, start + name.Length).ShouldBe(tag);
    }
}
