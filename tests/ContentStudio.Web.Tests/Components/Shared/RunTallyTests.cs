using ContentStudio.Core.Generation;
using ContentStudio.Core.Kernel;
using ContentStudio.Web.Components.Shared;

namespace ContentStudio.Web.Tests.Components.Shared;

/// <summary>The one summary of a run's result (campaign list, campaign page, run history): written out of total with
/// the gate lanes the queue counts, then failures, cancellations and unfinished work, never a cancelled run read as done.</summary>
public sealed class RunTallyTests : BunitContext
{
    private static RunSummary Run(int total, int written, int failed = 0, int cancelled = 0, int unfinished = 0, LaneCounts? lanes = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), RunKind.Initial, "ana", DateTime.UtcNow, RunStatus.Completed,
            total, written, failed, cancelled, unfinished, lanes ?? LaneCounts.None);

    [Fact]
    public void ACancelledRunSaysHowFewWereWrittenAndHowManyWereCancelled()
    {
        var cut = Render<RunTally>(p => p.Add(t => t.Run, Run(480, 12, cancelled: 468, lanes: new(10, 2, 0))));

        cut.Find("[data-written]").TextContent.ShouldBe("12 of 480 written");
        cut.Find("[data-cancelled]").TextContent.ShouldBe("468 cancelled");
        cut.Find("[data-lane-count=Clean]").TextContent.ShouldBe("10 clean");
        cut.FindAll("[data-failed]").ShouldBeEmpty();
        cut.FindAll("[data-unfinished]").ShouldBeEmpty();
    }

    [Fact]
    public void BlockedCopyAndFailuresAreNamedNotHiddenBehindOk()
    {
        var cut = Render<RunTally>(p => p.Add(t => t.Run, Run(240, 228, failed: 12, lanes: new(56, 0, 184))));

        cut.Find("[data-lane-count=Blocked]").TextContent.ShouldBe("184 blocked");
        cut.Find("[data-failed]").TextContent.ShouldBe("12 could not be written");
        cut.Markup.ShouldNotContain(" ok");
    }

    [Fact]
    public void ARunStillGoingSaysWhatIsOnTheWay()
    {
        var cut = Render<RunTally>(p => p.Add(t => t.Run, Run(90, 30, unfinished: 60, lanes: new(30, 0, 0))));

        cut.Find("[data-unfinished]").TextContent.ShouldBe("60 on the way");
    }
}
