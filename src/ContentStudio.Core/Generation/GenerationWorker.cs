using ContentStudio.Core.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContentStudio.Core.Generation;

/// <summary>The web app's background worker: works every active run until idle, then polls. On start it picks up
/// runs left Queued/Running by a previous process, and expired leases are claimed again.</summary>
public sealed class GenerationWorker(GenerationEngine engine, IOptions<GenerationOptions> options, TimeProvider clock,
    ILogger<GenerationWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WorkerEnabled)
        {
            logger.LogInformation("Generation worker disabled (Generation:WorkerEnabled=false)");
            return;
        }
        logger.LogInformation("Generation worker {WorkerId} started", engine.WorkerId);
        await PollingLoop.RunAsync(ct => engine.RunUntilIdleAsync(null, ct),
            () => TimeSpan.FromMilliseconds(options.Value.PollIntervalMilliseconds), clock, logger, "Generation worker", stoppingToken);
    }
}
