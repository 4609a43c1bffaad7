using ContentStudio.Core.Channels;
using ContentStudio.Core.Checks;
using ContentStudio.Core.Kernel;
using ContentStudio.Web.Components.Pages.Campaigns;
using static ContentStudio.Web.Tests.Components.Campaigns.GridTestData;

namespace ContentStudio.Web.Tests.Components.Campaigns;

/// <summary>The grid's filters narrow what is shown without losing the rest.</summary>
public sealed class CampaignGridTests : BunitContext
{
    [Fact]
    public void TheReviewStateFilterShowsOnlyVariantsInThatStateNamedInPlainWords()
    {
        var approved = Variant("students", ChannelKind.Email, Gate.Clean) with { ReviewState = ReviewState.Approved };
        var fresh = Variant("students", ChannelKind.Email, Gate.Clean, 1);
        var sentBack = Variant("students", ChannelKind.Sms, Gate.NeedsReview) with { ReviewState = ReviewState.ChangesRequested };
        var cut = Render<CampaignGrid>(p => p.Add(g => g.Grid, Grid(["students"], [ChannelKind.Email, ChannelKind.Sms], approved, fresh, sentBack)));
        cut.FindAll("[data-variant]").Count.ShouldBe(3);
        cut.FindAll("#state-filter option").Select(o => o.TextContent)
            .ShouldContain(ReviewWords.Label(ReviewState.ChangesRequested));

        cut.Find("#state-filter").Change(nameof(ReviewState.Approved));

        cut.FindAll("[data-variant]").Select(r => r.GetAttribute("data-variant")).ShouldBe([approved.Id.ToString()]);

        cut.Find("#state-filter").Change("");
        cut.FindAll("[data-variant]").Count.ShouldBe(3);
    }
}
