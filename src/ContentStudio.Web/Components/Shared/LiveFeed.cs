using ContentStudio.Core.Kernel;

namespace ContentStudio.Web.Components.Shared;

/// <summary>How every live page listens: one subscription to Core's <see cref="ILiveEvents"/>, messages handed to the
/// page on its renderer's dispatcher (the page passes its InvokeAsync), and bursts coalesced: while the page is still
/// handling one message, further ones only mark "more came", and the handler runs once more with the latest. A page
/// starts its feed before its first read, so a change made while it loads is not missed, and disposes it with itself.
/// (A class rather than a child component: a child would subscribe only after the page's first await.)</summary>
public sealed class LiveFeed<T> : IDisposable where T : class, ILiveEvent
{
    private readonly IDisposable _subscription;
    private readonly Func<Func<Task>, Task> _dispatch;
    private readonly Func<T, Task> _handle;
    private T? _latest;
    private int _pending, _running;

    public LiveFeed(ILiveEvents events, Func<Func<Task>, Task> dispatch, Func<T, Task> handle, Func<T, bool>? filter = null)
    {
        _dispatch = dispatch;
        _handle = handle;
        _subscription = events.Subscribe<T>(Arrived, filter);
    }

    private void Arrived(T message)
    {
        Volatile.Write(ref _latest, message);
        Volatile.Write(ref _pending, 1);
        if (Interlocked.CompareExchange(ref _running, 1, 0) == 0) _ = _dispatch(DrainAsync);
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            if (Interlocked.Exchange(ref _pending, 0) == 1)
            {
                try { await _handle(Volatile.Read(ref _latest)!); }
                catch (ObjectDisposedException) { return; } // the page went away mid-update
                continue;
            }
            Volatile.Write(ref _running, 0);
            // A message that arrived after the check above but before the release would otherwise wait for the next one.
            if (Volatile.Read(ref _pending) == 0 || Interlocked.CompareExchange(ref _running, 1, 0) != 0) return;
        }
    }

    public void Dispose() => _subscription.Dispose();
}
