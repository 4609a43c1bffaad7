using ContentStudio.Core.Channels;
using ContentStudio.Core.Checks;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Kernel;
using ContentStudio.Web.Components.Pages.Campaigns;
using static ContentStudio.Web.Tests.Components.Campaigns.GridTestData;

namespace ContentStudio.Web.Tests.Components.Campaigns;

/// <summary>The heatmap: quality per segment × channel counted as the queue counts it, in numbers and words as well as
/// colour, and a way into the grid.</summary>
public sealed class GridHeatmapTests : BunitContext
{
    private static readonly VariantView Superseded = Variant("students", ChannelKind.Email, Gate.Blocked,
        lineage: new VariantLineage(null, null, Guid.NewGuid()));

    private static readonly VariantGrid Sample = Grid(["students", "parents"], [ChannelKind.Email, ChannelKind.Sms],
        Variant("students", ChannelKind.Email, Gate.Clean),
        Variant("students", ChannelKind.Email, Gate.NeedsReview, 1),
        Superseded,
        Variant("students", ChannelKind.Sms, Gate.Clean),
        Variant("parents", ChannelKind.Email, Gate.Clean, outcome: VariantOutcome.NeedsAttention), // generation flagged it: blocked
        Variant("parents", ChannelKind.Email, null, 1));                                           // never checked: blocked

    [Fact]
    public void EachCellCountsItsCurrentVariantsByLaneAsTheQueueDoes()
    {
        var cut = Render<GridHeatmap>(p => p.Add(h => h.Grid, Sample));

        string Counts(string cell) => string.Join(" ", cut.FindAll($"[data-heat='{cell}'] [data-lane-count]").Select(n => n.TextContent));
        Counts("students/Email").ShouldBe("1 1 0"); // the superseded blocked variant is not counted
        Counts("students/Sms").ShouldBe("1 0 0");
        Counts("parents/Email").ShouldBe("0 0 2");
        Counts("parents/Sms").ShouldBe("0 0 0");
    }

    [Fact]
    public void ColourFollowsTheWorstLaneAndWordsSayEveryCount()
    {
        var cut = Render<GridHeatmap>(p => p.Add(h => h.Grid, Sample));

        cut.Find("[data-heat='students/Email']").ClassList.ShouldContain("has-review");
        cut.Find("[data-heat='students/Sms']").ClassList.ShouldContain("all-clean");
        cut.Find("[data-heat='parents/Email']").ClassList.ShouldContain("has-blocked");
        cut.Find("[data-heat='parents/Sms']").ClassList.ShouldContain("empty");
        cut.Find("[data-heat='parents/Email'] button").GetAttribute("aria-label").ShouldBe("parents, Email: 0 clean, 0 need review, 2 blocked");
    }

    [Fact]
    public void ChoosingACellAsksTheGridForItAndShowsItChosen()
    {
        (string, ChannelKind)? picked = null;
        var cut = Render<GridHeatmap>(p => p.Add(h => h.Grid, Sample).Add(h => h.SelectedSegment, "parents").Add(h => h.SelectedChannel, ChannelKind.Email)
            .Add(h => h.OnPick, ((string Segment, ChannelKind Channel) c) => picked = c));

        cut.Find("[data-heat='parents/Email'] button").GetAttribute("aria-pressed").ShouldBe("true");
        cut.Find("[data-heat='students/Sms'] button").GetAttribute("aria-pressed").ShouldBe("false");
        cut.Find("[data-heat='students/Sms'] button").Click();
        picked.ShouldBe(("students", ChannelKind.Sms));
    }

    [Fact]
    public void TheWholeGridAddsUpItsCells() =>
        Sample.Lanes.ShouldBe(new LaneCounts(2, 1, 2));
}
