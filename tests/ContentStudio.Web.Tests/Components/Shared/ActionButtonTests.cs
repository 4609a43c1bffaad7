using ContentStudio.Core.Kernel;
using ContentStudio.Web.Components.Shared;

namespace ContentStudio.Web.Tests.Components.Shared;

public sealed class ActionButtonTests : BunitContext
{
    private int _clicks;

    private IRenderedComponent<ActionButton> RenderButton(AccessDecision? offer) => Render<ActionButton>(p => p
        .Add(b => b.Id, "approve")
        .Add(b => b.Offer, offer)
        .Add(b => b.OnClick, () => _clicks++)
        .AddChildContent("Approve"));

    [Fact]
    public void RendersNothingWhenTheActionIsNotPossibleHere()
    {
        var cut = RenderButton(offer: null);

        cut.Markup.Trim().ShouldBeEmpty();
    }

    [Fact]
    public void AnAllowedActionIsAWorkingButtonThatFiresOnClick()
    {
        var cut = RenderButton(AccessDecision.Allow);

        var button = cut.Find("button#approve");
        button.TextContent.ShouldBe("Approve");
        button.HasAttribute("aria-disabled").ShouldBeFalse();
        cut.FindAll("#approve-why").ShouldBeEmpty();
        button.Click();
        _clicks.ShouldBe(1);
    }

    [Fact]
    public void ARefusedActionStaysFocusableAndSaysWhyInTheTitleAndANote()
    {
        var cut = RenderButton(AccessDecision.Deny("Someone else has to review it."));

        var button = cut.Find("button#approve");
        button.GetAttribute("aria-disabled").ShouldBe("true");
        button.HasAttribute("disabled").ShouldBeFalse(); // a disabled button cannot take focus, so its reason would be unreadable
        button.GetAttribute("title").ShouldBe("Someone else has to review it.");
        button.GetAttribute("aria-describedby").ShouldBe("approve-why");
        var why = cut.Find("#approve-why");
        why.GetAttribute("role").ShouldBe("note");
        why.TextContent.ShouldBe("Someone else has to review it.");
    }

    [Fact]
    public void ClickingARefusedActionDoesNotInvokeOnClick()
    {
        var cut = RenderButton(AccessDecision.Deny("no"));

        // No handler is attached at all, so nothing can run (bUnit says so instead of clicking into the void).
        Should.Throw<MissingEventHandlerException>(() => cut.Find("button#approve").Click());
        _clicks.ShouldBe(0);
    }
}
