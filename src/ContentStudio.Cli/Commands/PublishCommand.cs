using System.CommandLine;
using ContentStudio.Core.Data;
using ContentStudio.Core.Publishing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Cli.Commands;

/// <summary>`studio publish run [--once | --drain]`: runs the outbox dispatcher in this process. With --once it sends what
/// is due now and exits; with --drain it keeps going until no delivery is pending or in flight (it waits for retries
/// and for the leases of a dispatcher that died), then exits (both: 0, or 1 when a delivery went dead); with neither,
/// it keeps polling until Ctrl+C (130). Several dispatchers (web app, CLI, other hosts) may run against one database:
/// claims are leased.</summary>
internal static class PublishCommand
{
    public static Command Build()
    {
        var once = new Option<bool>("--once") { Description = "Send what is due now, then exit" };
        var drain = new Option<bool>("--drain")
        {
            Description = "Send until nothing is pending or in flight (waits for retries and expired leases of a stopped dispatcher), then exit",
        };
        var run = new Command("run", "Send queued publications (webhooks, file exports).") { once, drain };
        run.SetAction(async (result, ct) =>
        {
            if (result.GetValue(once) && result.GetValue(drain))
            {
                Console.Error.WriteLine("publish run: --once and --drain cannot be combined (--once stops at what is due now, --drain waits for the rest)");
                return ExitCodes.UsageOrInput;
            }
            await using var services = CliHost.Build();
            if (PublishingWiring.Missing(services) is { } missing) return PublishingWiring.Fail(missing);
            await DatabaseInitializer.MigrateAsync(services, ct);
            if (await CliIdentity.SignInAsync(services, StudioPermission.PublishRun, ct) is { Refused: true } refused)
                return refused.ExitCode;
            var dispatcher = services.GetRequiredService<OutboxDispatcher>();
            var poll = TimeSpan.FromMilliseconds(services.GetRequiredService<IOptions<PublishingOptions>>().Value.PollIntervalMilliseconds);
            var total = DispatchSummary.None;
            try
            {
                if (result.GetValue(drain))
                {
                    total = await dispatcher.DrainAsync(ct);
                    Print(total);
                    return total.Dead > 0 ? ExitCodes.Problems : ExitCodes.Ok;
                }
                do
                {
                    var batch = await dispatcher.RunUntilIdleAsync(ct);
                    if (batch.Claimed > 0) Print(batch);
                    total += batch;
                    if (!result.GetValue(once)) await Task.Delay(poll, ct);
                } while (!result.GetValue(once));
            }
            catch (OperationCanceledException)
            {
                Print(total);
                return ExitCodes.Cancelled;
            }
            Print(total);
            return total.Dead > 0 ? ExitCodes.Problems : ExitCodes.Ok;
        });
        return new Command("publish", "Publishing.") { run };
    }

    private static void Print(DispatchSummary s) =>
        Console.WriteLine($"sent {s.Sent}, retrying later {s.Retrying}, dead {s.Dead}, cancelled (not approved or changed) {s.Cancelled}");
}
