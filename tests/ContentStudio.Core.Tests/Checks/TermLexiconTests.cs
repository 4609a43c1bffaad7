using ContentStudio.Core.Checks;
using ContentStudio.Core.Checks.Inclusive;
using ContentStudio.Core.Checks.Analysis;

namespace ContentStudio.Core.Tests.Checks;

public sealed class TermLexiconTests
{
    [Fact]
    public void EveryInclusiveCategoryHasATermsFile()
    {
        var categories = TermLexicon.Default.Entries.Select(e => e.Category).Distinct().ToList();
        categories.ShouldBe(CheckCategories.Inclusive, ignoreOrder: true);
    }

    [Fact]
    public void EveryTermExplainsWhyAndNamesARuleInItsCategory()
    {
        foreach (var e in TermLexicon.Default.Entries)
        {
            e.Why.ShouldNotBeNullOrWhiteSpace(e.RuleId);
            e.RuleId.ShouldStartWith(e.Category + ".");
        }
        TermLexicon.Default.Entries.Select(e => e.RuleId).ShouldBeUnique();
    }

    [Fact]
    public void RejectsATermsFileWithoutCategoryNamingTheFile()
    {
        var e = Should.Throw<FormatException>(() => TermLexicon.Parse([("broken.yaml", "terms:\n  - term: x\n    why: y\n")]));
        e.Message.ShouldStartWith("broken.yaml");
    }

    [Fact]
    public void RejectsATermWithoutWhy()
    {
        var e = Should.Throw<FormatException>(() => TermLexicon.Parse([("t.yaml", "category: c\nterms:\n  - term: chairman\n")]));
        e.Message.ShouldContain("chairman");
    }

    [Theory]
    [InlineData("chairman", WordClass.Noun, "chairmen")]
    [InlineData("chairman", WordClass.Noun, "chairman's")]
    [InlineData("chairman", WordClass.Noun, "chairmen’s")]
    [InlineData("lady", WordClass.Noun, "ladies")]
    [InlineData("gyp", WordClass.Verb, "gypped")]
    [InlineData("crusade", WordClass.Verb, "crusading")]
    [InlineData("list", WordClass.Verb, "listed")]
    public void InflectsTheLastWord(string word, WordClass cls, string form) =>
        Inflector.Forms(word, cls).ShouldContain(form);

    [Fact]
    public void HyphenatedFormsDoNotCrossSpacedDashes()
    {
        var lexicon = TermLexicon.Parse([("t.yaml", "category: c\nterms:\n  - term: man made\n    pos: fixed\n    why: y\n")]);
        var matches = new List<PhraseMatch<TermEntry>>();
        lexicon.Matcher.Scan(new AnalyzedField("body", "man-made, man - made"), matches);
        matches.Count.ShouldBe(1);
    }
}
