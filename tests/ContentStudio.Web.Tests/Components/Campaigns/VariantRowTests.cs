using ContentStudio.Core.Channels;
using ContentStudio.Core.Checks;
using ContentStudio.Core.Generation;
using ContentStudio.Web.Components.Pages.Campaigns;
using static ContentStudio.Web.Tests.Components.Campaigns.GridTestData;

namespace ContentStudio.Web.Tests.Components.Campaigns;

/// <summary>A compact grid row: a one-line preview, the whole card only on demand, and the compare pick.</summary>
public sealed class VariantRowTests : BunitContext
{
    private readonly VariantView _email = Variant("students", ChannelKind.Email, Gate.Clean,
        fields: new Dictionary<string, string> { ["subject"] = "Fresh beans,\n every   week", ["body"] = "Our new blend is here." });

    private IRenderedComponent<VariantRow> RenderRow(bool expanded = false, bool selected = false, bool canSelect = true, Action<Guid>? toggle = null, Action<Guid>? pick = null) =>
        Render<VariantRow>(p => p.Add(r => r.Variant, _email).Add(r => r.Expanded, expanded).Add(r => r.Selected, selected).Add(r => r.CanSelect, canSelect)
            .Add(r => r.OnToggle, toggle ?? (_ => { })).Add(r => r.OnSelect, pick ?? (_ => { })));

    [Fact]
    public void CollapsedARowShowsTheFirstFieldOnOneLineAndNotTheCard()
    {
        var cut = RenderRow();

        cut.Find("[data-preview]").TextContent.ShouldBe("Fresh beans, every week");
        cut.FindAll(".variant .fieldtext").ShouldBeEmpty();
        cut.Find("[data-expand]").GetAttribute("aria-expanded").ShouldBe("false");
        cut.Find("[data-review-link]").GetAttribute("href").ShouldBe($"review/{_email.Id}");
    }

    [Fact]
    public void ExpandedARowShowsEveryFieldOnceAndTheVariantIsCountedOnce()
    {
        var cut = RenderRow(expanded: true);

        cut.FindAll("[data-field]").Select(f => f.GetAttribute("data-field")).ShouldBe(["subject", "body"]);
        cut.FindAll("[data-variant]").Count.ShouldBe(1);
        cut.FindAll("[data-preview]").ShouldBeEmpty();
        cut.Find("[data-expand]").GetAttribute("aria-expanded").ShouldBe("true");
    }

    [Fact]
    public void MoreAndTheCompareBoxReportTheVariant()
    {
        Guid? toggled = null, picked = null;
        var cut = RenderRow(toggle: id => toggled = id, pick: id => picked = id);

        cut.Find("[data-expand]").Click();
        cut.Find("[data-compare]").Change(true);

        (toggled, picked).ShouldBe((_email.Id, _email.Id));
    }

    [Fact]
    public void WhenTheCompareIsFullAnUnpickedRowCannotBePickedAndSaysWhy()
    {
        var box = RenderRow(canSelect: false).Find("[data-compare]");
        box.HasAttribute("disabled").ShouldBeTrue();
        box.GetAttribute("title").ShouldBe("Up to three variants can be compared");

        RenderRow(selected: true, canSelect: false).Find("[data-compare]").HasAttribute("disabled").ShouldBeFalse(); // it can be un-picked
    }
}
