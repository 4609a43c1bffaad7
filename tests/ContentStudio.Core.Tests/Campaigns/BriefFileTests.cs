using ContentStudio.Core.Campaigns;
using ContentStudio.Core.Channels;

namespace ContentStudio.Core.Tests.Campaigns;

public sealed class BriefFileTests
{
    [Fact]
    public void ReadsChannelsByKeyOrNameAndTheRestOfTheBrief()
    {
        var brief = BriefFile.Parse("""
            {
              // comments are allowed
              "name": "Spring", "brandSlug": "lumen", "product": "Saver", "objective": "Grow",
              "keyMessages": ["4% AER"], "channels": ["email", "LandingHero", "landing-hero"],
              "segmentKeys": ["retirees"], "variantsPerSegment": 2, "businessImpact": 5,
              "deadlineUtc": "2030-01-02T03:04:05Z",
            }
            """, "brief.json");

        brief.Channels.ShouldBe([ChannelKind.Email, ChannelKind.LandingHero, ChannelKind.LandingHero]);
        brief.VariantsPerSegment.ShouldBe(2);
        brief.BusinessImpact.ShouldBe(5);
        brief.DeadlineUtc.ShouldBe(new DateTime(2030, 1, 2, 3, 4, 5, DateTimeKind.Utc));
    }

    [Fact]
    public void ReadsSanctionedExtrasAndKeepsThemThroughTheStoredJson()
    {
        var brief = BriefFile.Parse("""{"offer": "10% off", "sanctionedExtras": [{"segments": ["gold"], "text": "double points for Gold members"}]}""", "b.json");

        brief.SanctionedExtras.Single().ShouldBe(new SanctionedExtra(["gold"], "double points for Gold members"), new ExtraComparer());
        var stored = System.Text.Json.JsonSerializer.Deserialize<CampaignBrief>(
            System.Text.Json.JsonSerializer.Serialize(brief, ContentStudio.Core.Kernel.StudioJson.Options), ContentStudio.Core.Kernel.StudioJson.Options)!;
        stored.SanctionedExtras.Single().Segments.ShouldBe(["gold"]);
        stored.SanctionedExtras.Single().Text.ShouldBe("double points for Gold members");
    }

    private sealed class ExtraComparer : IEqualityComparer<SanctionedExtra>
    {
        public bool Equals(SanctionedExtra? a, SanctionedExtra? b) => a!.Text == b!.Text && a.Segments.SequenceEqual(b.Segments);
        public int GetHashCode(SanctionedExtra e) => e.Text.GetHashCode();
    }

    [Fact]
    public void NamesTheFileLineAndFieldOfAnUnknownChannel()
    {
        var error = Should.Throw<BriefFileException>(() => BriefFile.Parse("{\n  \"name\": \"x\",\n  \"channels\": [\"fax\"]\n}", "brief.json"));

        error.Error.File.ShouldBe("brief.json");
        error.Error.Line.ShouldBe(3);
        error.Message.ShouldContain("channels[0]");
        error.Message.ShouldContain("'fax' is not a channel; use one of email, sms, ad, social, landing-hero, push.");
    }

    [Fact]
    public void RejectsAMisspelledFieldInsteadOfIgnoringIt()
    {
        var error = Should.Throw<BriefFileException>(() => BriefFile.Parse("{\"name\": \"x\", \"chanels\": [\"email\"]}", "b.json"));

        error.Message.ShouldStartWith("b.json:1:");
        error.Message.ShouldContain("chanels");
    }

    [Fact]
    public void NamesTheFieldWhoseValueHasTheWrongType()
    {
        var error = Should.Throw<BriefFileException>(() => BriefFile.Parse("{\"variantsPerSegment\": \"three\"}", "b.json"));
        error.Message.ShouldContain("variantsPerSegment");
    }

    [Fact]
    public void SaysWhenTheFileIsMissing()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-brief-" + Guid.NewGuid() + ".json");
        Should.Throw<BriefFileException>(() => BriefFile.Load(path)).Message.ShouldBe($"{path}: File not found.");
    }

    [Fact]
    public void WritesJsonThatReadsBackToTheSameBrief()
    {
        var brief = new CampaignBrief { Name = "Spring", BrandSlug = "lumen", KeyMessages = ["a"], Channels = [ChannelKind.Push], SegmentKeys = ["s"] };

        var json = BriefFile.ToJson(brief);

        json.ShouldContain("\"push\"");
        var back = BriefFile.Parse(json, "x.json");
        back.Channels.ShouldBe(brief.Channels);
        back.KeyMessages.ShouldBe(brief.KeyMessages);
        back.Name.ShouldBe("Spring");
    }
}
