namespace ContentStudio.Testing;

/// <summary>Weather for <see cref="FakeOpenAiServer"/>: instead of a script, each request is answered by chance (a
/// seeded random, so a run is repeatable) with a 429, a 500, a hang or the good reply; or, during an outage that
/// starts with the first request, with 503s.</summary>
public sealed class FakeFaultMix(FakeReply ok, int seed = 20261207)
{
    readonly Lock _gate = new();
    readonly Random _random = new(seed);

    public double RateLimited { get; init; }
    /// <summary>Retry-After sent with each 429 (seconds), or null to send none.</summary>
    public string? RetryAfter { get; init; } = "1";
    /// <summary>When set, each 429's Retry-After is drawn from <see cref="RetryAfter"/> up to this many seconds.</summary>
    public int? RetryAfterMaxSeconds { get; init; }
    public double ServerError { get; init; }
    public double Hang { get; init; }
    /// <summary>How long a hang lasts: longer than the client's attempt timeout, so the client abandons it.</summary>
    public TimeSpan HangFor { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>503 to every request for this long from the first one.</summary>
    public TimeSpan Outage { get; init; }

    /// <summary>When the outage ended (the server's clock), once a request has started it.</summary>
    public DateTime? OutageEndsUtc { get; private set; }

    public FakeReply Next(DateTime nowUtc)
    {
        lock (_gate)
        {
            if (Outage > TimeSpan.Zero)
            {
                OutageEndsUtc ??= nowUtc + Outage;
                if (nowUtc < OutageEndsUtc) return FakeReply.Error(503);
            }
            var roll = _random.NextDouble();
            if ((roll -= RateLimited) < 0) return FakeReply.Error(429, DrawRetryAfter());
            if ((roll -= ServerError) < 0) return FakeReply.Error(500);
            if ((roll -= Hang) < 0) return FakeReply.Hang(HangFor);
            return ok;
        }
    }

    string? DrawRetryAfter() =>
        RetryAfterMaxSeconds is { } max && int.TryParse(RetryAfter, out var min)
            ? _random.Next(min, max + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : RetryAfter;
}
