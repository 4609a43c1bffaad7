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
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await engine.RunUntilIdleAsync(null, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
            catch (Exception e)
            {
                // A database hiccup must not end the worker for the life of the app: log, wait, try again.
                logger.LogError(e, "Generation worker loop failed; retrying after the poll interval");
            }
            try { await Task.Delay(TimeSpan.FromMilliseconds(options.Value.PollIntervalMilliseconds), clock, stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
    }
}
