using ContentStudio.Core.Generation;
using static ContentStudio.Core.Generation.GenerationTaskStatus;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Tests.Generation;

public sealed class GenerationTaskStatesTests
{
    private static readonly DateTime Now = new(2026, 11, 29, 9, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(Pending, Claimed)]
    [InlineData(Pending, Cancelled)]
    [InlineData(Claimed, Done)]
    [InlineData(Claimed, NeedsAttention)]
    [InlineData(Claimed, Cancelled)]
    [InlineData(Claimed, Claimed)]
    [InlineData(Claimed, Pending)]
    public void AllowsTheMovesOfTheLifecycle(GenerationTaskStatus from, GenerationTaskStatus to) =>
        GenerationTaskStates.CanMove(from, to).ShouldBeTrue();

    [Theory]
    [InlineData(Pending, Done)]
    [InlineData(Pending, NeedsAttention)]
    [InlineData(Done, Pending)]
    [InlineData(Done, Claimed)]
    [InlineData(NeedsAttention, Done)]
    [InlineData(Cancelled, Pending)]
    [InlineData(Cancelled, Claimed)]
    public void RefusesToSkipClaimingOrToReopenAFinishedTask(GenerationTaskStatus from, GenerationTaskStatus to) =>
        GenerationTaskStates.CanMove(from, to).ShouldBeFalse();

    [Fact]
    public void FinishedStatesAreExactlyTheOnesWithNoWayOut() =>
        Enum.GetValues<GenerationTaskStatus>().Where(GenerationTaskStates.IsFinished).ShouldBe([Done, NeedsAttention, Cancelled]);

    [Fact]
    public void APendingTaskIsClaimable() => GenerationTaskStates.IsClaimable(Pending, null, Now).ShouldBeTrue();

    [Fact]
    public void AClaimedTaskIsClaimableOnlyOnceItsLeaseHasRunOut()
    {
        GenerationTaskStates.IsClaimable(Claimed, Now.AddSeconds(1), Now).ShouldBeFalse();
        GenerationTaskStates.IsClaimable(Claimed, Now, Now).ShouldBeFalse();
        GenerationTaskStates.IsClaimable(Claimed, Now.AddSeconds(-1), Now).ShouldBeTrue();
    }

    [Theory]
    [InlineData(Done)]
    [InlineData(NeedsAttention)]
    [InlineData(Cancelled)]
    public void AFinishedTaskIsNeverClaimable(GenerationTaskStatus status) =>
        GenerationTaskStates.IsClaimable(status, Now.AddHours(-1), Now).ShouldBeFalse();

    [Fact]
    public void AnOkVariantFinishesTheTaskAndAFailedOneAsksForAPerson()
    {
        GenerationTaskStates.After(VariantOutcome.Ok).ShouldBe(Done);
        GenerationTaskStates.After(VariantOutcome.NeedsAttention).ShouldBe(NeedsAttention);
    }
}
