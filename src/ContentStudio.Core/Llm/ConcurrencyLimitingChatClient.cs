using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace ContentStudio.Core.Llm;

/// <summary>At most N calls in flight; the rest wait their turn. Sits outside the retry step, so a call keeps its
/// slot through back-off: under a provider's rate limit, waiting callers add no pressure.</summary>
public sealed class ConcurrencyLimitingChatClient : DelegatingChatClient
{
    readonly SemaphoreSlim _slots;

    public ConcurrencyLimitingChatClient(IChatClient inner, int maxConcurrency) : base(inner)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        MaxConcurrency = maxConcurrency;
        _slots = new SemaphoreSlim(maxConcurrency, maxConcurrency);
    }

    public int MaxConcurrency { get; }

    /// <summary>Slots free right now (for diagnostics and tests).</summary>
    public int Available => _slots.CurrentCount;

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
                yield return update;
        }
        finally
        {
            _slots.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _slots.Dispose();
        base.Dispose(disposing);
    }
}
