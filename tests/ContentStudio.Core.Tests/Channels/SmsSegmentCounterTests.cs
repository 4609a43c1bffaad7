using ContentStudio.Core.Channels;

namespace ContentStudio.Core.Tests.Channels;

public class SmsSegmentCounterTests
{
    [Fact]
    public void PlainTextOf160CharactersIsOneGsmSegment()
    {
        var count = SmsSegmentCounter.Count(new string('a', 160));
        count.ShouldBe(new SmsCount(SmsEncoding.Gsm7, 160, 1, 160));
    }

    [Fact]
    public void OneCharacterOver160SplitsIntoSegmentsOf153()
    {
        var count = SmsSegmentCounter.Count(new string('a', 161));
        count.Segments.ShouldBe(2);
        count.UnitsPerSegment.ShouldBe(153);
    }

    [Fact]
    public void ExtensionCharactersTakeTwoSeptets()
    {
        var count = SmsSegmentCounter.Count("Only 5€ [today]");
        count.Encoding.ShouldBe(SmsEncoding.Gsm7);
        count.Units.ShouldBe(15 + 3);
    }

    [Fact]
    public void AnEmojiForcesUcs2AndCountsTwoUnits()
    {
        var count = SmsSegmentCounter.Count("Hi 👋");
        count.Encoding.ShouldBe(SmsEncoding.Ucs2);
        count.Units.ShouldBe(5);
        count.UnitsPerSegment.ShouldBe(70);
    }

    [Fact]
    public void SeventyOneUcs2UnitsTakeTwoSegmentsOf67()
    {
        var count = SmsSegmentCounter.Count("ç" + new string('ж', 70));
        count.Segments.ShouldBe(2);
        count.UnitsPerSegment.ShouldBe(67);
    }

    [Fact]
    public void EmptyTextUsesNoSegment() => SmsSegmentCounter.Count("").Segments.ShouldBe(0);
}
