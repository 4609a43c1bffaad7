using ContentStudio.Core.Channels;

namespace ContentStudio.Core.Tests.Channels;

public class ChannelCatalogTests
{
    [Fact]
    public void EveryChannelKindHasExactlyOneSchema() =>
        Enum.GetValues<ChannelKind>().ShouldAllBe(k => ChannelCatalog.All.Count(c => c.Kind == k) == 1);

    [Fact]
    public void EmailSubjectIsLimitedToSixtyCharacters() =>
        ChannelCatalog.Email.Field("subject")!.MaxLength.ShouldBe(60);

    [Theory]
    [InlineData("landing-hero", ChannelKind.LandingHero)]
    [InlineData("SMS", ChannelKind.Sms)]
    [InlineData("Push", ChannelKind.Push)]
    public void ParsesChannelByKeyOrName(string text, ChannelKind expected)
    {
        ChannelCatalog.TryParse(text, out var spec).ShouldBeTrue();
        spec.Kind.ShouldBe(expected);
    }

    [Fact]
    public void RejectsUnknownChannel() => ChannelCatalog.TryParse("fax", out _).ShouldBeFalse();
}
