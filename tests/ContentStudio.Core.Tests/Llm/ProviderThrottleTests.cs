using ContentStudio.Core.Llm;

namespace ContentStudio.Core.Tests.Llm;

public class ProviderThrottleTests
{
    static ModelCallException RateLimited(TimeSpan? retryAfter = null) =>
        new("HTTP 429", ModelFailureKind.Http, isTransient: true, statusCode: 429, retryAfter: retryAfter);

    [Fact]
    public async Task KeepsNoMoreCallsInFlightThanTheLimit()
    {
        var throttle = new ProviderThrottle(2);
        var inFlight = 0;
        var peak = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var slot = await throttle.AcquireAsync(default);
            var now = Interlocked.Increment(ref inFlight);
            lock (throttle) peak = Math.Max(peak, now);
            await Task.Delay(20);
            Interlocked.Decrement(ref inFlight);
            slot.Succeeded();
        }));
        peak.ShouldBe(2);
        throttle.PeakInFlight.ShouldBe(2);
        throttle.InFlight.ShouldBe(0);
    }

    [Fact]
    public async Task LetsNoCallerInBeforeTheTimeARateLimitNamed()
    {
        var throttle = new ProviderThrottle(8);
        await RateLimitedAsRuleAsync(throttle);
        var slot = await throttle.AcquireAsync(default);
        var before = DateTimeOffset.UtcNow;
        slot.Failed(RateLimited(TimeSpan.FromMilliseconds(600)));
        throttle.NotBefore.ShouldBeGreaterThanOrEqualTo(before + TimeSpan.FromMilliseconds(600));

        // Another caller, not the one that got the 429, is held back too: the wait is the provider's, not the call's.
        var other = throttle.AcquireAsync(default).AsTask();
        await Task.Delay(100);
        other.IsCompleted.ShouldBeFalse();
        using var late = await other;
        DateTimeOffset.UtcNow.ShouldBeGreaterThanOrEqualTo(throttle.NotBefore); // let in no earlier than the provider asked
    }

    [Fact]
    public async Task HalvesTheLimitOnARateLimitOncePerRoundAndGrowsItBackAfterARunOfSuccesses()
    {
        var throttle = new ProviderThrottle(8);
        for (var i = 0; i < 8; i++) (await throttle.AcquireAsync(default)).Succeeded(); // half a window of evidence first
        var burst = new List<ProviderThrottle.Slot>();
        for (var i = 0; i < 8; i++) burst.Add(await throttle.AcquireAsync(default));
        foreach (var slot in burst) slot.Failed(RateLimited()); // eight 429s from one round of calls: one halving
        throttle.Limit.ShouldBe(4);

        (await throttle.AcquireAsync(default)).Failed(RateLimited()); // a call started after the halving: halves again
        throttle.Limit.ShouldBe(2);

        for (var i = 0; i < 2; i++) (await throttle.AcquireAsync(default)).Succeeded();
        throttle.Limit.ShouldBe(3); // a run of successes as long as the limit adds one
        for (var i = 0; i < 3; i++) (await throttle.AcquireAsync(default)).Succeeded();
        throttle.Limit.ShouldBe(4);
    }

    [Fact]
    public async Task AScatteredRateLimitMakesOnlyItsOwnCallerWait()
    {
        var throttle = new ProviderThrottle(8);
        for (var i = 0; i < 14; i++) (await throttle.AcquireAsync(default)).Succeeded();
        // 6 of the 20 answers so far refused (30 %, a busy shared provider): each waits alone, the provider stays open.
        for (var i = 0; i < 6; i++) (await throttle.AcquireAsync(default)).Failed(RateLimited(TimeSpan.FromSeconds(2)));
        throttle.RateLimitedShare.ShouldBe(0.3);
        (throttle.Limit, throttle.NotBefore).ShouldBe((8, default(DateTimeOffset)));
        var next = throttle.AcquireAsync(default);
        next.IsCompleted.ShouldBeTrue("nobody else waits for the Retry-After another caller got");
        (await next).Dispose();

        // Eight more make them half of the 28 answers: now the provider is refusing as a rule, and everyone slows down.
        for (var i = 0; i < 8; i++) (await throttle.AcquireAsync(default)).Failed(RateLimited(TimeSpan.FromSeconds(2)));
        throttle.RateLimitedShare.ShouldBe(0.5);
        throttle.Limit.ShouldBe(4);
        throttle.NotBefore.ShouldBeGreaterThan(DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task TheFirstRateLimitsOfARunSlowOnlyTheirOwnCallers()
    {
        var throttle = new ProviderThrottle(8);
        // The very first answer is a 429 (1 of 1): too little to call 429s the rule. Before, it halved the limit and
        // closed the provider to every caller for its Retry-After.
        for (var i = 0; i < 3; i++) (await throttle.AcquireAsync(default)).Failed(RateLimited(TimeSpan.FromSeconds(2)));
        (throttle.Limit, throttle.NotBefore).ShouldBe((8, default(DateTimeOffset)));
        throttle.Evidence.ShouldBe(16);
    }

    /// <summary>Half a window of answers, all 429s without a wait: the provider refuses as a rule (the limit is halved once).</summary>
    static async Task RateLimitedAsRuleAsync(ProviderThrottle throttle)
    {
        for (var i = 0; i < throttle.Evidence; i++) (await throttle.AcquireAsync(default)).Failed(RateLimited());
    }

    [Fact]
    public void WeighsAtLeastTwentyAnswersOrFourRoundsAtTheCeiling()
    {
        new ProviderThrottle(2).Window.ShouldBe(20);
        new ProviderThrottle(8).Window.ShouldBe(32);
    }

    [Fact]
    public async Task NeverGoesBelowOneOrAboveTheConfiguredCeiling()
    {
        var throttle = new ProviderThrottle(2);
        for (var i = 0; i < 12; i++) (await throttle.AcquireAsync(default)).Failed(RateLimited());
        throttle.Limit.ShouldBe(1);
        for (var i = 0; i < 20; i++) (await throttle.AcquireAsync(default)).Succeeded();
        throttle.Limit.ShouldBe(2);
    }

    [Fact]
    public async Task OtherFailuresOnlyFreeTheSlot()
    {
        var throttle = new ProviderThrottle(4);
        var slot = await throttle.AcquireAsync(default);
        slot.Failed(new ModelCallException("HTTP 500", ModelFailureKind.Http, isTransient: true, statusCode: 500));
        slot.Dispose(); // a second word changes nothing
        (throttle.Limit, throttle.InFlight, throttle.NotBefore).ShouldBe((4, 0, default(DateTimeOffset)));
    }
}
