using System.CommandLine;
using ContentStudio.Core.Audit;
using ContentStudio.Core.Data;
using Microsoft.Extensions.DependencyInjection;

namespace ContentStudio.Cli.Commands;

/// <summary>`studio audit verify`: walks the keyed, hash-chained audit log and compares it with the anchored heads.
/// Exit 0 when intact (the head is anchored), 1 when an event was changed, removed or re-hashed (the position is
/// printed), 2 when it cannot be checked because the chain key is missing (the message names the setting).</summary>
internal static class AuditCommand
{
    public static Command Build()
    {
        var verify = new Command("verify", "Check that no audit event was changed or removed.");
        verify.SetAction(async (result, ct) =>
        {
            await using var services = CliHost.Build();
            // The log's schema must be current (ChainVersion) before it can be read; like the other verbs, upgrade it.
            await DatabaseInitializer.MigrateAsync(services, ct);
            var outcome = await services.GetRequiredService<AuditVerifier>().VerifyAsync(ct);
            if (outcome.KeyMissing)
            {
                Console.Error.WriteLine($"audit log cannot be verified: {outcome.Problem}");
                return ExitCodes.UsageOrInput;
            }
            if (outcome.Ok)
            {
                Console.WriteLine($"audit log intact: {outcome.EventsChecked} events{(outcome.EventsChecked > 0 ? $", head {outcome.HeadHash}" : "")}");
                // The head just anchored also goes to Audit:AnchorWebhookUrl when set; a process about to exit gives it a moment.
                var webhook = services.GetRequiredService<AuditAnchorWebhook>();
                if (webhook.IsConfigured && !await webhook.FlushAsync(TimeSpan.FromSeconds(15)))
                    Console.Error.WriteLine("warning: the head could not be sent to Audit:AnchorWebhookUrl (see the log); it is in the anchor file");
                return ExitCodes.Ok;
            }
            var at = outcome.Position is { } p ? $" at position {p}" : "";
            Console.Error.WriteLine($"audit log BROKEN{at}: {outcome.Problem} ({outcome.EventsChecked} events checked)");
            return ExitCodes.Problems;
        });
        return new Command("audit", "The append-only audit log.") { verify };
    }
}
