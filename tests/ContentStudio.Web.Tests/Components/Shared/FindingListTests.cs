using ContentStudio.Core.Checks;
using ContentStudio.Web.Components.Shared;

namespace ContentStudio.Web.Tests.Components.Shared;

public sealed class FindingListTests : BunitContext
{
    // An inclusive-language finding: its suggestion is literal replacement text ("a / b" offers both).
    private static readonly Finding Guys = new("inclusive.gender.guys", CheckCategories.Gender, Severity.Warning, "body", 4, 4, "guys",
        "\"guys\" addresses a mixed audience as men.", "everyone / folks");

    // A claims finding: its suggestion is advice for a person, not text to paste in.
    private static readonly Finding Claim = new("claims.superlative", CheckCategories.Claims, Severity.Blocker, "headline", 0, 8, "The best",
        "An unsupported superlative.", "Name a concrete benefit instead");

    private static readonly Finding Readability = new("brand.readability", CheckCategories.Readability, Severity.Info, "", 0, 0, "",
        "Long sentences.");

    private readonly List<SuggestedEdit> _applied = [];

    private static readonly Dictionary<string, string> Fields = new() { ["body"] = "Hey guys, the blend is here.", ["headline"] = "The best coffee" };

    private IRenderedComponent<FindingList> RenderList(IReadOnlyList<Finding> findings, IReadOnlyList<CheckNote>? notRun = null, bool canApply = true,
        IReadOnlyDictionary<string, string>? fields = null) =>
        Render<FindingList>(p =>
        {
            p.Add(l => l.Findings, findings).Add(l => l.NotRun, notRun ?? []).Add(l => l.Fields, fields ?? Fields);
            if (canApply) p.Add(l => l.OnApply, (SuggestedEdit e) => _applied.Add(e));
        });

    [Fact]
    public void ListsFindingsMostSevereFirstWithRuleFieldAndMessage()
    {
        var items = RenderList([Readability, Guys, Claim]).FindAll("ul.findings > li");

        items.Select(li => li.GetAttribute("data-rule")).ShouldBe(["claims.superlative", "inclusive.gender.guys", "brand.readability"]);
        items.Select(li => li.ClassName).ShouldBe(["bad", "warn", "info"]);
        items[0].QuerySelector(".badge")!.TextContent.ShouldBe("blocker");
        items[0].TextContent.ShouldContain("in headline");
        items[0].TextContent.ShouldContain("An unsupported superlative.");
        items[2].TextContent.ShouldNotContain(" in "); // a finding about the whole item names no field
    }

    [Fact]
    public void AReplacementSuggestionOffersOneApplyButtonPerAlternative()
    {
        var cut = RenderList([Guys]);

        var buttons = cut.FindAll("button.apply");
        buttons.Select(b => b.TextContent).ShouldBe(["Use “everyone”", "Use “folks”"]);
        buttons[0].GetAttribute("title").ShouldBe("Preview: “Hey everyone, the blend is here.”");
    }

    [Fact]
    public void NoButtonIsOfferedWhenTheTextNoLongerReadsAsTheCheckSawIt()
    {
        // The field was edited since the check: the finding's offsets point elsewhere, so nothing is offered there.
        var cut = RenderList([Guys], fields: new Dictionary<string, string> { ["body"] = "Hi there guys, the blend." });

        cut.FindAll("button.apply").ShouldBeEmpty();
    }

    [Fact]
    public void ApplyingASuggestionReportsTheFindingAndTheChosenReplacement()
    {
        var cut = RenderList([Guys]);

        cut.Find("button[data-replacement='folks']").Click();

        var edit = _applied.ShouldHaveSingleItem();
        (edit.Finding, edit.Replacement, edit.NewText).ShouldBe((Guys, "folks", "Hey folks, the blend is here."));
    }

    [Fact]
    public void AdviceIsShownButNotOfferedAsAReplacement()
    {
        var cut = RenderList([Claim]);

        cut.Find("q").TextContent.ShouldBe("Name a concrete benefit instead");
        cut.FindAll("button").ShouldBeEmpty();
    }

    [Fact]
    public void WithoutAnApplyHandlerSuggestionsAreShownWithoutButtons()
    {
        var cut = RenderList([Guys], canApply: false);

        cut.Find("q").TextContent.ShouldBe("everyone / folks");
        cut.FindAll("button").ShouldBeEmpty();
    }

    [Fact]
    public void ChecksThatDidNotRunAreShownSoNotRunIsNeverReadAsPassed()
    {
        var cut = RenderList([], [new CheckNote("judge.tone", "offline composer"), new CheckNote("judge.claims", "no model configured")]);

        cut.FindAll("ul.findings").ShouldBeEmpty();
        cut.Find("[data-not-run] summary").TextContent.ShouldBe("2 checks not run");
        cut.FindAll("[data-not-run] li").Select(li => li.TextContent)
            .ShouldBe(["Model review: tone: offline composer", "Model review: claims: no model configured"]);
    }

    [Fact]
    public void ChecksNotRunForOneReasonAreOneQuietLineWithTheReason()
    {
        var reason = "Needs a real model provider. The offline composer cannot judge voice.";
        var cut = RenderList([], [new CheckNote("judge.voice-match", reason), new CheckNote("judge.subtle-bias", reason)]);

        cut.Find("[data-not-run] summary").TextContent.ShouldBe("2 checks not run: Needs a real model provider");
        cut.Find("[data-not-run]").HasAttribute("open").ShouldBeFalse();
    }

    [Theory]
    [InlineData("inclusive.race-ethnicity", "Inclusive language: race and ethnicity")]
    [InlineData("channel.sms-opt-out", "Channel rules: SMS opt-out")]
    [InlineData("brand.voice.all-caps", "Brand: voice: all capitals")]
    [InlineData("claims.unapproved", "Claims: unapproved")]
    [InlineData("newfamily.some-rule", "Newfamily: some rule")]
    public void RulesAreNamedInWordsWithTheIdOnDemand(string ruleId, string label)
    {
        var cut = RenderList([new Finding(ruleId, "c", Severity.Warning, "body", 0, 1, "x", "Message.")]);

        cut.Find("[data-rule-name]").TextContent.ShouldBe(label);
        cut.Find("[data-rule-name]").GetAttribute("title").ShouldBe($"Rule {ruleId}");
        cut.Markup.ShouldNotContain($">{ruleId}<");
    }

    [Fact]
    public void NothingFoundAndEverythingRunRendersNothing() =>
        RenderList([]).Markup.Trim().ShouldBeEmpty();
}
