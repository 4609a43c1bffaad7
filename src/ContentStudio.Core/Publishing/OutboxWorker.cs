using ContentStudio.Core.Hosting;
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
        if (!options.Value.WorkerEnabled)
        {
            logger.LogInformation("Outbox dispatcher disabled (Publishing:WorkerEnabled=false)");
            return;
        }
        logger.LogInformation("Outbox dispatcher {WorkerId} started", dispatcher.WorkerId);
        await PollingLoop.RunAsync(ct => dispatcher.RunUntilIdleAsync(ct),
            () => TimeSpan.FromMilliseconds(options.Value.PollIntervalMilliseconds), clock, logger, "Outbox dispatcher", stoppingToken);
    }
}
