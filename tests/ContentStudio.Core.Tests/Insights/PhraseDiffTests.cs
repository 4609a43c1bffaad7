using ContentStudio.Core.Insights.Edits;

namespace ContentStudio.Core.Tests.Insights;

/// <summary>The phrase changes of one edited field, read back from the text as people wrote it.</summary>
public sealed class PhraseDiffTests
{
    [Theory]
    [InlineData("We utilize the best tools.", "We use the best tools.", "utilize", "use")]
    [InlineData("Buy now!!! Offer ends Friday", "Buy now. Offer ends Friday", "!!!", ".")]
    [InlineData("Act now, simply click here", "Act now, click here", "simply", "")]
    [InlineData("Sign up today", "Sign up for free today", "", "for free")]
    [InlineData("Our world-class  team", "Our friendly team", "world-class", "friendly")]
    public void OneChangeIsReadAsTheRemovedAndAddedPhrase(string before, string after, string removed, string added) =>
        PhraseDiff.Changes(before, after).ShouldBe([new PhraseChange(removed, added)]);

    [Fact]
    public void SeveralChangesInOneFieldAreEachReported() =>
        PhraseDiff.Changes("Hey guys, utilize our app", "Hi everyone, use our app")
            .ShouldBe([new PhraseChange("Hey guys", "Hi everyone"), new PhraseChange("utilize", "use")]);

    [Fact]
    public void ARewriteLongerThanAPhraseIsNotASwap() =>
        PhraseDiff.Changes("Start here. One two three four five six seven eight.", "Start here. Nine ten eleven twelve thirteen fourteen fifteen sixteen.")
            .ShouldBeEmpty();

    [Fact]
    public void TheKeyIgnoresCaseAndSpacing() => PhraseDiff.Key("  Sign   Up ").ShouldBe("sign up");
}
