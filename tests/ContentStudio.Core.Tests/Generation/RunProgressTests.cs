using ContentStudio.Core.Generation;

namespace ContentStudio.Core.Tests.Generation;

public sealed class RunProgressTests
{
    private static readonly Guid Run = Guid.NewGuid(), Campaign = Guid.NewGuid();

    [Fact]
    public void CountsEachTaskStatusAndTheFinishedShare()
    {
        var progress = RunProgress.FromCounts(Run, Campaign, RunStatus.Running, new Dictionary<GenerationTaskStatus, int>
        {
            [GenerationTaskStatus.Done] = 3, [GenerationTaskStatus.NeedsAttention] = 1,
            [GenerationTaskStatus.Pending] = 4, [GenerationTaskStatus.Claimed] = 1,
        });

        progress.ShouldBe(new RunProgress(Run, Campaign, RunStatus.Running, 9, 3, 1, 0, 4, 1));
        progress.Finished.ShouldBe(4);
        progress.Percent.ShouldBe(44); // 4 of 9, rounded down: never shows 100 before the end
        progress.IsOver.ShouldBeFalse();
    }

    [Fact]
    public void AnEmptyRunIsWhollyDone() =>
        RunProgress.FromCounts(Run, Campaign, RunStatus.Completed, new Dictionary<GenerationTaskStatus, int>()).Percent.ShouldBe(100);

    [Fact]
    public void ShowsNinetyNineUntilTheLastTaskFinishes() =>
        new RunProgress(Run, Campaign, RunStatus.Running, 200, 199, 0, 0, 0, 1).Percent.ShouldBe(99);
}
