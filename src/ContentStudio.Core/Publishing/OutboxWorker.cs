using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContentStudio.Core.Publishing;

/// <summary>The web app's background dispatcher: sends due deliveries, then polls. Leases left by a process that
/// stopped are taken over once they expire.</summary>
public sealed class OutboxWorker(OutboxDispatcher dispatcher, IOptions<PublishingOptions> options, TimeProvider clock,
    ILogger<OutboxWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DispatcherEnabled)
        {
            logger.LogInformation("Outbox dispatcher disabled (Publishing:DispatcherEnabled=false)");
            return;
        }
        logger.LogInformation("Outbox dispatcher {WorkerId} started", dispatcher.WorkerId);
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await dispatcher.RunUntilIdleAsync(stoppingToken); }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
            catch (Exception e)
            {
                // A database hiccup must not end publishing for the life of the app: log, wait, try again.
                logger.LogError(e, "Outbox dispatcher loop failed; retrying after the poll interval");
            }
            try { await Task.Delay(TimeSpan.FromMilliseconds(options.Value.PollIntervalMilliseconds), clock, stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
    }
}
