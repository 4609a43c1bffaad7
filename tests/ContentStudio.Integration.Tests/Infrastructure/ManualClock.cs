namespace ContentStudio.Integration.Tests.Infrastructure;

/// <summary>A clock the test moves by hand (lease expiry without waiting). Timers stay real.</summary>
public sealed class ManualClock(DateTime startUtc) : TimeProvider
{
    private long _ticks = startUtc.Ticks;
    public override DateTimeOffset GetUtcNow() => new(new DateTime(Interlocked.Read(ref _ticks), DateTimeKind.Utc));
    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
