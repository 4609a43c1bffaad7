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

    private readonly List<AppliedSuggestion> _applied = [];

    private IRenderedComponent<FindingList> RenderList(IReadOnlyList<Finding> findings, IReadOnlyList<CheckNote>? notRun = null, bool canApply = true) =>
        Render<FindingList>(p =>
        {
            p.Add(l => l.Findings, findings).Add(l => l.NotRun, notRun ?? []);
            if (canApply) p.Add(l => l.OnApply, (AppliedSuggestion a) => _applied.Add(a));
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
        buttons[0].GetAttribute("title").ShouldBe("Write “everyone” instead of “guys” (the checks run again)");
    }

    [Fact]
    public void ApplyingASuggestionReportsTheFindingAndTheChosenReplacement()
    {
        var cut = RenderList([Guys]);

        cut.Find("button[data-replacement='folks']").Click();

        _applied.ShouldBe([new AppliedSuggestion(Guys, "folks")]);
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
        cut.Find("div.muted").TextContent.ShouldBe("Not run: judge.tone (offline composer); judge.claims (no model configured)");
    }

    [Fact]
    public void NothingFoundAndEverythingRunRendersNothing() =>
        RenderList([]).Markup.Trim().ShouldBeEmpty();
}
