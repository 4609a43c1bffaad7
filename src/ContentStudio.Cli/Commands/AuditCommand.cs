using System.CommandLine;
using ContentStudio.Core.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace ContentStudio.Cli.Commands;

/// <summary>`studio audit verify`: walks the hash-chained audit log. Exit 0 when every event links to the one
/// before it, 1 when a row was changed or removed (the position is printed).</summary>
internal static class AuditCommand
{
    public static Command Build()
    {
        var verify = new Command("verify", "Check that no audit event was changed or removed.");
        verify.SetAction(async (result, ct) =>
        {
            await using var services = CliHost.Build();
            var outcome = await services.GetRequiredService<AuditVerifier>().VerifyAsync(ct);
            if (outcome.Ok)
            {
                Console.WriteLine($"audit log intact: {outcome.EventsChecked} events{(outcome.EventsChecked > 0 ? $", head {outcome.HeadHash}" : "")}");
                return ExitCodes.Ok;
            }
            Console.Error.WriteLine($"audit log BROKEN at position {outcome.Position}: {outcome.Problem} ({outcome.EventsChecked} events checked)");
            return ExitCodes.Problems;
        });
        return new Command("audit", "The append-only audit log.") { verify };
    }
}
