using ContentStudio.Core.Brands;

namespace ContentStudio.Core.Tests.Brands;

public class NameSuggesterTests
{
    [Theory]
    [InlineData("emial", "email", 1)]
    [InlineData("prefered_terms", "preferred_terms", 1)]
    [InlineData("voice", "voice", 0)]
    [InlineData("kitten", "sitting", 3)]
    public void CountsEditsWithSwapsAsOne(string a, string b, int expected) => NameSuggester.Distance(a, b).ShouldBe(expected);

    [Fact]
    public void SuggestsTheClosestCandidate() =>
        NameSuggester.Closest("Protected_Atributes", ["key", "protected_attributes", "pain_points"]).ShouldBe("protected_attributes");

    [Fact]
    public void SuggestsNothingForUnrelatedNames() =>
        NameSuggester.Closest("gender", ["key", "name", "locale", "age_band"]).ShouldBeNull();
}
