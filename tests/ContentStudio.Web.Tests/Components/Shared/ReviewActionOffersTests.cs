using ContentStudio.Core.Review;
using ContentStudio.Core.Kernel;
using ContentStudio.Testing;
using ContentStudio.Web.Components.Shared;

namespace ContentStudio.Web.Tests.Components.Shared;

/// <summary>The review page's decision buttons for each role and each kind of variant: Core's real access rules
/// (<see cref="Access.Offer"/>) decide, <see cref="ActionButton"/> shows the decision. Nothing here restates a rule.</summary>
public sealed class ReviewActionOffersTests : BunitContext
{
    private static readonly StudioUser Marketer = People.Gina, BrandManager = People.Bree, Admin = People.Ada, PromptEngineer = People.Pat;

    /// <summary>Someone else (Mark, a marketer) generated the copy; nobody has edited it; nothing is flagged.</summary>
    private static readonly VariantReviewFacts SomeoneElses = new(People.Mark.Id, []);

    private static VariantReviewFacts GeneratedBy(StudioUser user) => new(user.Id, []);
    private static VariantReviewFacts EditedBy(StudioUser user) => new(People.Mark.Id, [user.Id]);
    private static VariantReviewFacts Flagged(string reason) => new(People.Mark.Id, [], reason);

    /// <summary>Renders the button for <paramref name="action"/> the way the review page does: offered only when the
    /// transition table allows it from <paramref name="state"/>, with Core's decision: ReviewPage.OffersFor, which the page reads too.</summary>
    private IRenderedComponent<ActionButton> RenderAction(StudioUser viewer, ReviewState state, ReviewAction action, VariantReviewFacts facts) =>
        Render<ActionButton>(p => p
            .Add(b => b.Id, "action")
            .Add(b => b.Offer, ReviewPage.OffersFor(state, viewer, facts).GetValueOrDefault(action))
            .AddChildContent(action.ToString()));

    private static void ShouldBeOffered(IRenderedComponent<ActionButton> cut)
    {
        cut.Find("button#action").HasAttribute("aria-disabled").ShouldBeFalse();
        cut.FindAll("#action-why").ShouldBeEmpty();
    }

    private static void ShouldBeUnavailable(IRenderedComponent<ActionButton> cut, string because)
    {
        cut.Find("button#action").GetAttribute("aria-disabled").ShouldBe("true");
        cut.Find("button#action").GetAttribute("title").ShouldNotBeNull().ShouldContain(because, Case.Sensitive);
        cut.Find("#action-why").TextContent.ShouldContain(because, Case.Sensitive);
    }

    [Theory]
    [InlineData(ReviewAction.Approve)]
    [InlineData(ReviewAction.Reject)]
    [InlineData(ReviewAction.RequestChanges)]
    [InlineData(ReviewAction.OverrideApprove)]
    [InlineData(ReviewAction.Edit)]
    public void ABrandManagerIsOfferedEveryDecisionOnSomeoneElsesCopyInReview(ReviewAction action) =>
        ShouldBeOffered(RenderAction(BrandManager, ReviewState.InReview, action, SomeoneElses));

    [Fact]
    public void AnActionTheStateDoesNotAllowIsNotShownAtAll()
    {
        RenderAction(BrandManager, ReviewState.InReview, ReviewAction.Submit, SomeoneElses).Markup.Trim().ShouldBeEmpty();
        RenderAction(BrandManager, ReviewState.Rejected, ReviewAction.Approve, SomeoneElses).Markup.Trim().ShouldBeEmpty();
    }

    [Fact]
    public void AnAdminsApproveIsUnavailableAndPointsToTheOverride() =>
        ShouldBeUnavailable(RenderAction(Admin, ReviewState.InReview, ReviewAction.Approve, SomeoneElses), because: "override");

    [Fact]
    public void AnAdminMayOverrideApproveEvenCopyTheyGenerated() =>
        ShouldBeOffered(RenderAction(Admin, ReviewState.InReview, ReviewAction.OverrideApprove, GeneratedBy(Admin)));

    [Fact]
    public void AnAdminsRejectIsUnavailableBecauseItNeedsABrandManager() =>
        ShouldBeUnavailable(RenderAction(Admin, ReviewState.InReview, ReviewAction.Reject, SomeoneElses), because: "that needs the role BrandManager");

    [Fact]
    public void ABrandManagersApproveOfTheirOwnEditSaysTheyEditedIt() =>
        ShouldBeUnavailable(RenderAction(BrandManager, ReviewState.InReview, ReviewAction.Approve, EditedBy(BrandManager)),
            because: "may not approve a variant they edited");

    [Fact]
    public void ABrandManagersApproveOfCopyTheyGeneratedSaysTheyGeneratedIt() =>
        ShouldBeUnavailable(RenderAction(BrandManager, ReviewState.InReview, ReviewAction.Approve, GeneratedBy(BrandManager)),
            because: "may not approve a variant they generated");

    [Fact]
    public void ABrandManagerCannotOverrideTheirOwnEditEither() =>
        ShouldBeUnavailable(RenderAction(BrandManager, ReviewState.InReview, ReviewAction.OverrideApprove, EditedBy(BrandManager)),
            because: "not even by override");

    [Fact]
    public void FlaggedCopyCannotBeApprovedPlainlyButCanBeOverridden()
    {
        ShouldBeUnavailable(RenderAction(BrandManager, ReviewState.InReview, ReviewAction.Approve, Flagged("unsupported claim")),
            because: "flagged (unsupported claim)");
        ShouldBeOffered(RenderAction(BrandManager, ReviewState.InReview, ReviewAction.OverrideApprove, Flagged("unsupported claim")));
    }

    [Fact]
    public void AMarketersRejectSaysTheyMayNotReject() =>
        ShouldBeUnavailable(RenderAction(Marketer, ReviewState.InReview, ReviewAction.Reject, SomeoneElses), because: "may not reject");

    [Fact]
    public void AMarketerMaySubmitAndEditCopyTheyGenerated()
    {
        ShouldBeOffered(RenderAction(Marketer, ReviewState.Generated, ReviewAction.Submit, GeneratedBy(Marketer)));
        ShouldBeOffered(RenderAction(Marketer, ReviewState.Generated, ReviewAction.Edit, GeneratedBy(Marketer)));
    }

    [Theory]
    [InlineData(ReviewState.Generated, ReviewAction.Submit, "may not submit")]
    [InlineData(ReviewState.InReview, ReviewAction.Edit, "may not edit")]
    [InlineData(ReviewState.InReview, ReviewAction.Approve, "may not approve")]
    [InlineData(ReviewState.InReview, ReviewAction.OverrideApprove, "may not override-approve")]
    public void APromptEngineerIsOfferedNoReviewDecision(ReviewState state, ReviewAction action, string because) =>
        ShouldBeUnavailable(RenderAction(PromptEngineer, state, action, SomeoneElses), because);

    [Fact]
    public void AnOfferedDecisionFiresItsHandlerAndARefusedOneDoesNot()
    {
        var clicked = new List<string>();
        IRenderedComponent<ActionButton> Button(StudioUser viewer) => Render<ActionButton>(p => p
            .Add(b => b.Id, "approve")
            .Add(b => b.Offer, Access.Offer(viewer, ReviewAction.Approve, SomeoneElses))
            .Add(b => b.OnClick, () => clicked.Add(viewer.Id)));

        Button(BrandManager).Find("button").Click();
        Should.Throw<MissingEventHandlerException>(() => Button(Admin).Find("button").Click());

        clicked.ShouldBe([BrandManager.Id]);
    }
}
