namespace ContentStudio.Core.Generation;

/// <summary>In-process progress events, raised after every finished task and when a run ends, so the run
/// page can update live. A singleton; subscribers must dispose their subscription (a Blazor component in Dispose).</summary>
public interface IRunProgressNotifier
{
    event Action<RunProgress>? ProgressChanged;

    /// <summary>Calls <paramref name="handler"/> for every event (or only <paramref name="runId"/>'s) until disposed.</summary>
    IDisposable Subscribe(Action<RunProgress> handler, Guid? runId = null);

    void Publish(RunProgress progress);
}

public sealed class RunProgressNotifier : IRunProgressNotifier
{
    public event Action<RunProgress>? ProgressChanged;

    public IDisposable Subscribe(Action<RunProgress> handler, Guid? runId = null)
    {
        Action<RunProgress> filtered = p => { if (runId is null || p.RunId == runId) handler(p); };
        ProgressChanged += filtered;
        return new Subscription(() => ProgressChanged -= filtered);
    }

    /// <summary>A subscriber that throws (a closed circuit) must never stop the worker, nor the other subscribers.</summary>
    public void Publish(RunProgress progress)
    {
        if (ProgressChanged is not { } handlers) return;
        foreach (var handler in handlers.GetInvocationList().Cast<Action<RunProgress>>())
        {
            try { handler(progress); }
            catch { /* the subscriber's problem; the run goes on */ }
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;
        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}
