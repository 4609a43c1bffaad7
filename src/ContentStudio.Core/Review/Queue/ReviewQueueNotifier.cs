namespace ContentStudio.Core.Review.Queue;

/// <summary>What changed in the queue: a variant claimed, released, edited, decided, commented, or new ones arriving.</summary>
public sealed record ReviewQueueChange(Guid VariantId, string What, string Actor);

/// <summary>In-process queue events so every open queue and review page refreshes live (a singleton; dispose the
/// subscription when the component goes away). Raised by <see cref="ReviewActions"/> after each committed action.</summary>
public interface IReviewQueueNotifier
{
    IDisposable Subscribe(Action<ReviewQueueChange> handler);
    void Publish(ReviewQueueChange change);
}

public sealed class ReviewQueueNotifier : IReviewQueueNotifier
{
    private readonly Lock _gate = new();
    private event Action<ReviewQueueChange>? Changed;

    public IDisposable Subscribe(Action<ReviewQueueChange> handler)
    {
        lock (_gate) Changed += handler;
        return new Subscription(() => { lock (_gate) Changed -= handler; });
    }

    /// <summary>Handlers must be quick (a component just calls InvokeAsync); one that throws (a closed circuit)
    /// never stops the action that raised the event, nor the other handlers.</summary>
    public void Publish(ReviewQueueChange change)
    {
        Action<ReviewQueueChange>? handlers;
        lock (_gate) handlers = Changed;
        if (handlers is null) return;
        foreach (var handler in handlers.GetInvocationList().Cast<Action<ReviewQueueChange>>())
        {
            try { handler(change); }
            catch { /* the subscriber's problem */ }
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;
        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}
