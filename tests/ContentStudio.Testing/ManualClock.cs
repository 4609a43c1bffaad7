namespace ContentStudio.Testing;

/// <summary>The one test clock: moved by hand (lease expiry, SLA and cache ages without waiting). Its stopwatch
/// (timestamps) moves with it when <paramref name="manualStopwatch"/> is set, and is real otherwise, so latencies
/// measured with it stay real unless a test wants them frozen. Timers stay real.</summary>
public sealed class ManualClock(DateTime startUtc, bool manualStopwatch = false) : TimeProvider
{
    private long _ticks = startUtc.Ticks;
    private long _stopwatch;

    public ManualClock() : this(new DateTime(2026, 11, 29, 9, 0, 0, DateTimeKind.Utc)) { }

    public override DateTimeOffset GetUtcNow() => new(new DateTime(Interlocked.Read(ref _ticks), DateTimeKind.Utc));
    public override long TimestampFrequency => manualStopwatch ? TimeSpan.TicksPerSecond : base.TimestampFrequency;
    public override long GetTimestamp() => manualStopwatch ? Interlocked.Read(ref _stopwatch) : base.GetTimestamp();

    public void Advance(TimeSpan by)
    {
        Interlocked.Add(ref _ticks, by.Ticks);
        Interlocked.Add(ref _stopwatch, by.Ticks);
    }
}
