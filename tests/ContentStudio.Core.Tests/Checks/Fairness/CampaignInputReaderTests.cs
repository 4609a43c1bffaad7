using ContentStudio.Core.Channels;
using ContentStudio.Core.Checks;
using ContentStudio.Core.Checks.CrossVariant;

namespace ContentStudio.Core.Tests.Checks.Fairness;

/// <summary>Reading a `check-campaign` line: the whole shape, and errors that name the field and say what to fix.</summary>
public sealed class CampaignInputReaderTests
{
    private const string Segs = "\"segments\":[{\"key\":\"a\",\"name\":\"Group A\",\"attributes\":{\"age\":\"65+\",\"market\":\"US\"},\"protected\":[\"age\"],\"justifying\":[\"market\"]}]";

    [Fact]
    public void ReadsBriefSegmentsAndVariants()
    {
        var c = CampaignInputReader.Parse("""{"id":"c1","label":"ignored","brief":{"product":"Saver","offer":"4.10% APY","extras":[{"segments":["a"],"text":"double points"}]},""" + Segs +
            ""","variants":[{"id":"v1","segment":"a","channel":"landing-hero","field":"headline","text":"Save more"},{"id":"v2","segment":"a","channel":"sms","text":"Hi"}]}""");
        c.Id.ShouldBe("c1");
        c.Brief.Offer.ShouldBe("4.10% APY");
        c.Brief.SanctionedExtras.Single().Segments.ShouldBe(["a"]);
        var s = c.Segments.Single();
        (s.Name, s.AgeBand, s.ProtectedAttributes.Single(), s.JustifyingAttributes.Single()).ShouldBe(("Group A", "65+", "age", "market"));
        c.Variants[0].Channel.ShouldBe(ChannelKind.LandingHero);
        c.Variants[0].Fields["headline"].ShouldBe("Save more");
        c.Variants[1].Fields.Keys.Single().ShouldBe(VariantContent.DefaultField(ChannelKind.Sms));
    }

    [Theory]
    [InlineData("""{"segments":[],"variants":[]}""", "id", "missing \"id\"")]
    [InlineData("""{"id":"x","variants":[]}""", "segments", "missing \"segments\"")]
    [InlineData("""{"id":"x",""" + Segs + ""","variants":[{"id":"1","segment":"b","channel":"email","text":"t"}]}""", "variants[0].segment", "unknown segment 'b' (segments: a)")]
    [InlineData("""{"id":"x",""" + Segs + ""","variants":[{"id":"1","segment":"a","channel":"email","text":5}]}""", "variants[0].text", "\"text\" must be a string")]
    [InlineData("""{"id":"x","brief":{"extras":[{"segments":["z"],"text":"t"}]},""" + Segs + ""","variants":[]}""", "brief.extras[0].segments", "unknown segment 'z'")]
    [InlineData("""{"id":"x",""" + Segs + ""","variants":[{"id":"1","segment":"a","channel":"email","text":"t"},{"id":"1","segment":"a","channel":"email","text":"t"}]}""", "variants", "variant id '1' is used twice")]
    [InlineData("""{"id":"x",""" + Segs + ""","variants":[{"id":"1","segment":"a","channel":"email","text":"t"}""", "", "not valid JSON")]
    public void AnErrorNamesTheFieldAndWhatToFix(string json, string field, string message)
    {
        var e = Should.Throw<CampaignInputException>(() => CampaignInputReader.Parse(json));
        e.Field.ShouldBe(field);
        e.Message.ShouldContain(message);
    }

    [Fact]
    public void ListsAndTextsHaveLimits()
    {
        var variants = string.Join(",", Enumerable.Range(0, CampaignInputReader.MaxVariants + 1).Select(i => $$"""{"id":"{{i}}","segment":"a","channel":"email","text":"t"}"""));
        Should.Throw<CampaignInputException>(() => CampaignInputReader.Parse("""{"id":"x",""" + Segs + $$""","variants":[{{variants}}]}""")).Field.ShouldBe("variants");
        var longText = new string('a', CampaignInputReader.MaxTextChars + 1);
        Should.Throw<CampaignInputException>(() => CampaignInputReader.Parse("""{"id":"x",""" + Segs + $$""","variants":[{"id":"1","segment":"a","channel":"email","text":"{{longText}}"}]}"""))
            .Message.ShouldContain("at most 10,000");
    }
}
