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
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, RunProgress> _last = [];

    public event Action<RunProgress>? ProgressChanged;

    public IDisposable Subscribe(Action<RunProgress> handler, Guid? runId = null)
    {
        Action<RunProgress> filtered = p => { if (runId is null || p.RunId == runId) handler(p); };
        ProgressChanged += filtered;
        return new Subscription(() => ProgressChanged -= filtered);
    }

    /// <summary>Workers finish tasks in parallel and each reads the progress after its own commit, so reports can
    /// arrive out of order. A report older than one already sent (fewer finished tasks, or "running" after the run
    /// ended) is dropped, so a page never steps backwards. Handlers run one at a time and must be quick (a Blazor
    /// component should just InvokeAsync(StateHasChanged)). A handler that throws (a closed circuit) never stops the
    /// worker, nor the other handlers.</summary>
    public void Publish(RunProgress progress)
    {
        lock (_gate)
        {
            if (_last.TryGetValue(progress.RunId, out var last) &&
                (progress.Finished < last.Finished || (last.IsOver && !progress.IsOver))) return;
            if (_last.Count > 10_000) _last.Clear(); // a long-lived process: forget old runs rather than grow
            _last[progress.RunId] = progress;
            if (ProgressChanged is not { } handlers) return;
            foreach (var handler in handlers.GetInvocationList().Cast<Action<RunProgress>>())
            {
                try { handler(progress); }
                catch { /* the subscriber's problem; the run goes on */ }
            }
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;
        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}
