namespace ContentStudio.Core.Kernel;

/// <summary>In-process delivery with the per-stream order rule of <see cref="ILiveEvent"/>, and forwarding to the
/// other instances through every registered <see cref="ILiveEventSink"/>.</summary>
public sealed class LiveEvents(IEnumerable<ILiveEventSink> sinks) : ILiveEvents
{
    private const int MaxRemembered = 10_000;
    private readonly Lock _gate = new();
    private readonly Dictionary<(Type, string), long> _last = [];
    private readonly List<(Type Type, Action<object> Deliver)> _subscribers = [];
    private readonly ILiveEventSink[] _sinks = [.. sinks];

    public LiveEvents() : this([]) { }

    public void Publish<T>(T message) where T : class, ILiveEvent
    {
        if (Deliver(message)) foreach (var sink in _sinks) sink.Forward(message);
    }

    /// <summary>A message that came from another instance: delivered here, never forwarded again.</summary>
    public void Receive(ILiveEvent message) => Deliver(message);

    public IDisposable Subscribe<T>(Action<T> handler, Func<T, bool>? filter = null) where T : class, ILiveEvent
    {
        (Type, Action<object>) entry = (typeof(T), m => { if (filter is null || filter((T)m)) handler((T)m); });
        lock (_gate) _subscribers.Add(entry);
        return new Subscription(() => { lock (_gate) _subscribers.Remove(entry); });
    }

    /// <summary>False when the message is older than one already delivered on its stream (then it goes nowhere).
    /// Delivery happens under the lock, so two publishers racing on one stream cannot hand a page the older message
    /// last; handlers are quick by contract.</summary>
    private bool Deliver(ILiveEvent message)
    {
        lock (_gate)
        {
            if (message.Stream.Length > 0)
            {
                var key = (message.GetType(), message.Stream);
                if (_last.TryGetValue(key, out var last) && message.Order < last) return false;
                if (_last.Count > MaxRemembered) _last.Clear(); // a long-lived process forgets old streams rather than grow
                _last[key] = message.Order;
            }
            foreach (var target in _subscribers.Where(s => s.Type == message.GetType()).ToArray())
            {
                try { target.Deliver(message); }
                catch { /* the subscriber's problem (a closed circuit); the publisher goes on */ }
            }
            return true;
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;
        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}
