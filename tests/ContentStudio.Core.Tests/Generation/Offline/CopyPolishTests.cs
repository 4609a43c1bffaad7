using ContentStudio.Core.Brands;
using ContentStudio.Core.Generation.Offline;
using ContentStudio.Core.Llm;

namespace ContentStudio.Core.Tests.Generation.Offline;

public class CopyPolishTests
{
    private static readonly CopyPolish Polish = new(OfflineFixtures.Northbank,
        ["A $150 bonus when you open an account", "Northbank Everyday Saver"]);

    [Fact]
    public void DeprecatedTermsAreReplacedKeepingCapitalAndPlural() =>
        Polish.Sentence("Customers love it. Cheap transfers for our customers.")
            .ShouldBe("Members love it. Low-cost transfers for our members.");

    [Fact]
    public void ASentenceWithABannedTermOrItsInflectionIsDropped()
    {
        Polish.Sentence("Returns are guaranteed.").ShouldBeNull();
        Polish.Sentence("We guarantee it.").ShouldNotBeNull();  // a different word from "guaranteed"
        Polish.Sentence("Truly risk-free saving.").ShouldBeNull();
        Polish.Sentence("Better than Chase.").ShouldBeNull();
        Polish.Sentence("The best account.").ShouldBeNull();
    }

    [Fact]
    public void NumbersTheBriefNeverGaveAreRemovedAndItsOwnAreKept() =>
        Polish.Sentence("Get a $150 bonus, 3x points and 24/7 help.").ShouldBe("Get a $150 bonus, points and help.");

    [Fact]
    public void ShoutingIsSoftenedButShortAcronymsStay() =>
        Polish.Sentence("HUGE news: the FDIC insures SAVINGS.").ShouldBe("HUGE news: the FDIC insures Savings.");

    [Fact]
    public void EmojiGoWhenTheBrandDoesNotUseThemButTrademarksStay() =>
        Polish.Sentence("Flex Card™ is here 🎉").ShouldBe("Flex Card™ is here");

    [Fact]
    public void Gsm7ConversionKeepsMeaningAndDropsTheRest() =>
        CopyPolish.ToGsm7("It’s “easy” — really… ☕").ShouldBe("It's \"easy\" - really...");

    [Fact]
    public void ExclamationMarksBeyondTheLimitBecomeFullStops() =>
        CopyPolish.LimitExclamations(["Hello!", "Great! Really!"], 1).ShouldBe(["Hello!", "Great. Really."]);

    [Fact]
    public void ABrandWithoutRulesLeavesTextAlone() =>
        new CopyPolish(new Brand { Slug = "x", Name = "X", Style = new StylePolicy { EmojiAllowed = true, AllCapsAllowed = true } }, [])
            .Sentence("Simple words, LOUD words 👋").ShouldBe("Simple words, LOUD words 👋");
}
