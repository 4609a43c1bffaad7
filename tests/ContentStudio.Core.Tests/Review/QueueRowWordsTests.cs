using ContentStudio.Core.Channels;
using ContentStudio.Core.Kernel;
using ContentStudio.Core.Review.Queue;

namespace ContentStudio.Core.Tests.Review;

/// <summary>What a queue row says in words: when it is due, and the first line of its copy.</summary>
public sealed class QueueRowWordsTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(3 * 60 + 20, "due in 3 h")]
    [InlineData(45, "due in 45 min")]
    [InlineData(0, "due in 1 min")]
    [InlineData(-2 * 24 * 60 - 5, "overdue by 2 d")]
    [InlineData(-90, "overdue by 1 h")]
    public void SaysWhenItIsDueInTheLargestWholeUnit(int minutesFromNow, string expected) =>
        TimeWords.Due(Now.AddMinutes(minutesFromNow), Now).ShouldBe(expected);

    [Fact]
    public void PreviewIsTheChannelsFirstFilledFieldOnOneLineCutAtAWord()
    {
        var body = string.Join(' ', Enumerable.Repeat("Freshly roasted coffee,", 20));
        var json = VariantFields.CanonicalJson(new Dictionary<string, string> { ["subject"] = "", ["preheader"] = "Pause\n any   time", ["body"] = body });

        ReviewQueue.Preview(ChannelKind.Email, json).ShouldBe("Pause any time");

        var longOne = ReviewQueue.Preview(ChannelKind.Email, VariantFields.CanonicalJson(new Dictionary<string, string> { ["subject"] = body }));
        longOne.Length.ShouldBeLessThanOrEqualTo(121);
        longOne.ShouldEndWith("…");
        body.ShouldStartWith(longOne[..^1]);
        body[longOne.Length - 1].ShouldBe(' '); // cut between words
        ReviewQueue.Preview(ChannelKind.Sms, null).ShouldBe("");
    }
}
