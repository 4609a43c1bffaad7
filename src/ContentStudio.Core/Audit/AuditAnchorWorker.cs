using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContentStudio.Core.Audit;

/// <summary>Anchors the head in a long-running process: every Audit:AnchorIntervalSeconds when it moved, and soon after
/// every Audit:AnchorEveryEvents-th append. A failure is logged and retried on the next round: the audit log itself
/// must keep working when the anchor file cannot be written.</summary>
internal sealed class AuditAnchorWorker(AuditAnchor anchor, IOptions<AuditOptions> options, ILogger<AuditAnchorWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.AnchorIntervalSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await anchor.WaitUntilDueAsync(interval, stoppingToken))
                    await anchor.AnchorRequestedHeadAsync(TimeSpan.FromSeconds(5), stoppingToken);
                else
                    await anchor.AnchorCommittedHeadAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                log.LogError(e, "Could not anchor the audit chain's head in {File}", anchor.FilePath);
            }
        }
    }
}
