using ContentStudio.Core.Text;

namespace ContentStudio.Core.Tests.Text;

public class DiversityTests
{
    [Fact]
    public void IdenticalTextsOverlapCompletely() =>
        Diversity.TrigramJaccard("Fresh food at your door", "Fresh food at your door").ShouldBe(1.0);

    [Fact]
    public void TextsWithNoSharedTrigramDoNotOverlap() =>
        Diversity.TrigramJaccard("fresh food at your door", "open an account today please").ShouldBe(0.0);

    [Fact]
    public void CaseAndPunctuationDoNotCount() =>
        Diversity.TrigramJaccard("Fresh, FOOD at your door!", "fresh food at... your door").ShouldBe(1.0);

    [Fact]
    public void OverlapIsSharedTrigramsOverAllTrigrams()
    {
        // {a b c, b c d} vs {a b c, b c e}: one shared of three distinct.
        Diversity.TrigramJaccard("a b c d", "a b c e").ShouldBe(1.0 / 3, 1e-12);
    }

    [Fact]
    public void ApostrophesStayInsideWords() =>
        Diversity.TrigramJaccard("you're in good company", "you re in good company").ShouldBeLessThan(1.0);

    [Fact]
    public void TextsTooShortForATrigramCompareByTheirWords()
    {
        Diversity.TrigramJaccard("Meet Flex", "meet flex").ShouldBe(1.0);
        Diversity.TrigramJaccard("Meet Flex", "Meet Saver").ShouldBe(0.0);
        Diversity.TrigramJaccard("", "").ShouldBe(0.0);
    }

    [Fact]
    public void MeanPairwiseOverlapAveragesEveryPair()
    {
        string[] texts = ["a b c d", "a b c e", "x y z w"];
        // Pairs: 1/3, 0, 0.
        Diversity.MeanPairwiseTrigramOverlap(texts).ShouldBe(1.0 / 9, 1e-12);
    }

    [Fact]
    public void MeanPairwiseOverlapOfFewerThanTwoTextsIsZero()
    {
        Diversity.MeanPairwiseTrigramOverlap([]).ShouldBe(0.0);
        Diversity.MeanPairwiseTrigramOverlap(["only one text here"]).ShouldBe(0.0);
    }

    [Fact]
    public void DistinctNgramRatioCountsRepeatsAcrossTexts()
    {
        // Bigrams: "a b", "b a", "a b" | "a b" → 2 distinct of 4.
        Diversity.DistinctNgramRatio(["a b a b", "A, b"], 2).ShouldBe(0.5, 1e-12);
        Diversity.DistinctNgramRatio(["one two three"], 1).ShouldBe(1.0);
        Diversity.DistinctNgramRatio(["short"], 3).ShouldBe(0.0);
    }

    [Fact]
    public void DistinctNgramRatioRejectsANonPositiveN() =>
        Should.Throw<ArgumentOutOfRangeException>(() => Diversity.DistinctNgramRatio(["a b c"], 0));
}
