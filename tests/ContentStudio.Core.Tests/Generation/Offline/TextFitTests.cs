using ContentStudio.Core.Generation.Offline;
using ContentStudio.Core.Llm;

namespace ContentStudio.Core.Tests.Generation.Offline;

public class TextFitTests
{
    [Fact]
    public void TextThatFitsIsKeptAsItIs() =>
        TextFit.Fit("Seasonal ingredients, portioned for each recipe", 60).ShouldBe("Seasonal ingredients, portioned for each recipe");

    [Fact]
    public void CutsAtAWordBoundaryAndDropsTheDanglingComma() =>
        TextFit.Fit("Seasonal ingredients, portioned for each recipe", 25).ShouldBe("Seasonal ingredients");

    [Fact]
    public void NeverEndsOnAWordThatPromisesMore() =>
        TextFit.Fit("Dinner on the table with less washing up", 24).ShouldBe("Dinner on the table");

    [Fact]
    public void ACutSentenceGetsAFullStopWhenAskedAndThereIsRoom() =>
        TextFit.Fit("Move money between accounts in the app whenever you like", 30, closeSentence: true)
            .ShouldBe("Move money between accounts.");

    [Fact]
    public void DoesNotLeaveABracketOpen() =>
        TextFit.Fit("Open an account (it takes a few minutes online)", 30).ShouldBe("Open an account");

    [Fact]
    public void ASingleWordLongerThanTheLimitGivesNothingRatherThanHalfAWord() =>
        TextFit.Fit("Supercalifragilistic", 10).ShouldBe("");

    [Fact]
    public void JoinAddsWholeSentencesInOrderAndSkipsOnesThatDoNotFit()
    {
        string[] sentences = ["Meet Flex Card.", "Freeze and unfreeze your card in the app whenever you like.", "Apply now."];
        TextFit.Join(sentences, 30).ShouldBe("Meet Flex Card. Apply now.");
    }

    [Fact]
    public void JoinNeverCutsASentenceWhenNothingFitsWhole()
    {
        // A cut sentence ("It is a straightforward way to get.") reads as broken copy: nothing is better.
        TextFit.Join(["Freeze and unfreeze your card in the app whenever you like."], 30).ShouldBe("");
        TextFit.Join(["Freeze and unfreeze your card in the app whenever you like.", "Pay by card."], 30).ShouldBe("Pay by card.");
        TextFit.FirstThatFits(["Freeze and unfreeze your card in the app whenever you like."], 30).ShouldBe("");
    }

    [Fact]
    public void FirstThatFitsPrefersAWholeCandidateOverACutOne() =>
        TextFit.FirstThatFits(["Free delivery on your first box", "Meet FreshFork Box"], 30).ShouldBe("Meet FreshFork Box");
}
