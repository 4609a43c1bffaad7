using Microsoft.Extensions.Logging;

namespace ContentStudio.Core.Hosting;

/// <summary>The loop the background workers share (generation, outbox): do the work until idle, wait the poll
/// interval, repeat until the host stops. A failed round is logged and retried after the interval, so a database
/// hiccup never ends a worker for the life of the app.</summary>
public static class PollingLoop
{
    public static async Task RunAsync(Func<CancellationToken, Task> round, Func<TimeSpan> interval, TimeProvider clock,
        ILogger logger, string name, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await round(stoppingToken); }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
            catch (Exception e)
            {
                logger.LogError(e, "{Worker} loop failed; retrying after the poll interval", name);
            }
            try { await Task.Delay(interval(), clock, stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
    }
}
