namespace ContentStudio.Core.Publishing;

/// <summary>Exponential backoff with ±50 % jitter, so receivers that failed together are not retried together.</summary>
public static class Backoff
{
    public static TimeSpan Delay(int attempt, PublishingOptions options, Random? random = null)
    {
        var exponential = options.BaseDelaySeconds * Math.Pow(2, Math.Max(0, attempt - 1));
        var capped = Math.Min(options.MaxDelaySeconds, exponential);
        var jitter = 0.5 + (random ?? Random.Shared).NextDouble();
        return TimeSpan.FromSeconds(capped * jitter);
    }
}
