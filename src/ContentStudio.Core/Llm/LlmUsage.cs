namespace ContentStudio.Core.Llm;

/// <summary>One model call as the usage middleware saw it (after retries).</summary>
public sealed record LlmUsageRecord(DateTime AtUtc, string Provider, string Model, long InputTokens, long OutputTokens, TimeSpan Latency, bool Succeeded);

/// <summary>Running totals since start.</summary>
public sealed record LlmUsageTotals(long Calls, long FailedCalls, long InputTokens, long OutputTokens, TimeSpan TotalLatency);

/// <summary>Where usage goes. The in-memory recorder keeps totals and recent calls; a persistent one
/// (per user, for budgets and cost) can replace it later.</summary>
public interface ILlmUsageRecorder
{
    void Record(LlmUsageRecord record);
    LlmUsageTotals Totals { get; }
    IReadOnlyList<LlmUsageRecord> Recent { get; }
}

public sealed class InMemoryLlmUsageRecorder : ILlmUsageRecorder
{
    const int RecentLimit = 200;
    readonly Lock _gate = new();
    readonly Queue<LlmUsageRecord> _recent = new();
    long _calls, _failed, _input, _output, _latencyTicks;

    public void Record(LlmUsageRecord record)
    {
        lock (_gate)
        {
            _calls++;
            if (!record.Succeeded) _failed++;
            _input += record.InputTokens;
            _output += record.OutputTokens;
            _latencyTicks += record.Latency.Ticks;
            _recent.Enqueue(record);
            while (_recent.Count > RecentLimit) _recent.Dequeue();
        }
    }

    public LlmUsageTotals Totals
    {
        get { lock (_gate) return new(_calls, _failed, _input, _output, TimeSpan.FromTicks(_latencyTicks)); }
    }

    public IReadOnlyList<LlmUsageRecord> Recent
    {
        get { lock (_gate) return _recent.ToArray(); }
    }
}
