using ContentStudio.Core.Checks;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Review.Queue;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Core.Tests.Review;

public class ReviewQueueOptionsTests
{
    [Fact]
    public void ReadsFiveSlaHoursOnePerImpact() =>
        new ReviewQueueOptions { SlaHoursByImpact = "72, 48,24,12,4.5" }.ParseSlaHours().ShouldBe([72, 48, 24, 12, 4.5]);

    [Theory]
    [InlineData("72,48,24,12")]
    [InlineData("72,48,24,12,4,2")]
    [InlineData("72,48,soon,12,4")]
    [InlineData("72,48,0,12,4")]
    public void RejectsAnSlaListThatIsNotFivePositiveNumbersNamingTheSetting(string value)
    {
        var e = Should.Throw<InvalidOperationException>(() => new ReviewQueueOptions { SlaHoursByImpact = value }.ParseSlaHours());
        e.Message.ShouldContain("ReviewQueue:SlaHoursByImpact");
        e.Message.ShouldContain(value);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(501)]
    public void RejectsAPageSizeOutsideOneToFiveHundred(int size) =>
        Should.Throw<InvalidOperationException>(() => new ReviewQueueOptions { PageSize = size }.CheckedPageSize()).Message.ShouldContain("ReviewQueue:PageSize");

    [Theory]
    [InlineData(VariantOutcome.Ok, Gate.Clean, QueueLane.Clean)]
    [InlineData(VariantOutcome.Ok, Gate.NeedsReview, QueueLane.NeedsReview)]
    [InlineData(VariantOutcome.Ok, Gate.Blocked, QueueLane.Blocked)]
    [InlineData(VariantOutcome.Ok, null, QueueLane.Blocked)]
    [InlineData(VariantOutcome.NeedsAttention, Gate.Clean, QueueLane.Blocked)]
    public void FlaggedOrUncheckedOutputGoesToTheBlockedLane(VariantOutcome outcome, Gate? gate, QueueLane lane) =>
        Lanes.Of(outcome, gate).ShouldBe(lane);
}
