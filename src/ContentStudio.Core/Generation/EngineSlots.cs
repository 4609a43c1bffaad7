using ContentStudio.Core.Llm;

namespace ContentStudio.Core.Generation;

/// <summary>The engine's count of its tasks in progress, less those whose model call is backing off (waiting out a
/// Retry-After or a back-off before a retry, holding no model slot). A backing-off task is not busy: counting it
/// against Generation:WorkerConcurrency left the provider's free slots idle while ready tasks sat unclaimed (measured:
/// 25 of 32 claimed tasks neither calling nor waiting for a slot; docs/benchmarks.md, Provider weather). Every change
/// completes <see cref="Changed"/>, so the claim loop refills a freed place at once.</summary>
internal sealed class EngineSlots
{
    readonly Lock _gate = new();
    readonly HashSet<Guid> _backingOff = [];
    TaskCompletionSource _changed = NewSignal();

    /// <summary>Tasks whose call is backing off now.</summary>
    public int BackingOff { get { lock (_gate) return _backingOff.Count; } }

    /// <summary>Completes at the next change; take it before reading the counts, so no change is missed.</summary>
    public Task Changed { get { lock (_gate) return _changed.Task; } }

    /// <summary>Hears the back-offs of the calls made for <paramref name="taskId"/> until disposed (and forgets the task then).</summary>
    public IDisposable Track(Guid taskId)
    {
        var listening = BackOffListener.Listen(backingOff => Set(taskId, backingOff));
        return new Tracked(this, taskId, listening);
    }

    void Set(Guid taskId, bool backingOff)
    {
        TaskCompletionSource? signal = null;
        lock (_gate)
        {
            if (backingOff ? _backingOff.Add(taskId) : _backingOff.Remove(taskId))
            {
                signal = _changed;
                _changed = NewSignal();
            }
        }
        signal?.TrySetResult();
    }

    static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    sealed class Tracked(EngineSlots owner, Guid taskId, IDisposable listening) : IDisposable
    {
        public void Dispose()
        {
            listening.Dispose();
            owner.Set(taskId, false);
        }
    }
}
