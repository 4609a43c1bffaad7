using ContentStudio.Core.Llm;

namespace ContentStudio.Core.Tests.Llm;

public class OpenAIErrorsTests
{
    static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2", 2000)]
    [InlineData(" 0.5 ", 500)]
    [InlineData("Sun, 01 Mar 2026 12:00:03 GMT", 3000)]
    [InlineData("Sun, 01 Mar 2026 11:59:00 GMT", 0)]
    public void ReadsRetryAfterAsSecondsOrAnHttpDate(string header, int expectedMs) =>
        OpenAIErrors.ParseRetryAfter(header, Now).ShouldBe(TimeSpan.FromMilliseconds(expectedMs));

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-1")]
    public void IgnoresARetryAfterItCannotRead(string header) => OpenAIErrors.ParseRetryAfter(header, Now).ShouldBeNull();

    [Theory]
    [InlineData(408, true)]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(404, false)]
    public void TreatsOnlyTimeoutsRateLimitsAndServerErrorsAsTransient(int status, bool transient) =>
        ModelCallException.IsTransientStatus(status).ShouldBe(transient);

    [Fact]
    public void TurnsANetworkTimeoutIntoATransientTimeoutButLetsTheCallersCancellationThrough()
    {
        OpenAIErrors.Translate(new TaskCanceledException(), CancellationToken.None, streamStarted: false)!.Kind.ShouldBe(ModelFailureKind.Timeout);
        OpenAIErrors.Translate(new TaskCanceledException(), new CancellationToken(canceled: true), streamStarted: false).ShouldBeNull();
    }

    [Fact]
    public void CallsAnIoErrorAfterTheFirstChunkACutStream() =>
        OpenAIErrors.Translate(new IOException("reset"), CancellationToken.None, streamStarted: true)!
            .ShouldSatisfyAllConditions(e => e.Kind.ShouldBe(ModelFailureKind.StreamCut), e => e.IsTransient.ShouldBeTrue());
}
