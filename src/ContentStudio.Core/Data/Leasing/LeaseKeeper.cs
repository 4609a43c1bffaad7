using Microsoft.Extensions.Logging;

namespace ContentStudio.Core.Data.Leasing;

/// <summary>Renews a lease every third of its length while a slow model call runs, so a live worker's row
/// is not taken over; a dead worker stops renewing and its lease runs out as designed.</summary>
internal sealed class LeaseKeeper : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly Task _loop;

    public LeaseKeeper(Func<CancellationToken, Task<bool>> renew, TimeSpan every, TimeProvider clock, ILogger logger,
        Guid taskId, CancellationToken ct)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var token = _stop.Token;
        _loop = Task.Run(async () =>
        {
            while (!token.IsCancellationRequested)
            {
                await Task.Delay(every, clock, token);
                try
                {
                    if (!await renew(token)) return; // lost (cancelled or taken over): nothing left to keep
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Could not renew the lease on task {TaskId}", taskId);
                }
            }
        }, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _loop; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }
}
