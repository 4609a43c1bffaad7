using System.CommandLine;
using ContentStudio.Cli;
using ContentStudio.Cli.Commands;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Data;

// `studio`: thin verbs over ContentStudio.Core. Exit codes: 0 success, 1 the verb ran and found a problem
// (failed checks, invalid files, tasks needing attention, a migration lock held too long), 2 usage or input error (a
// data-changing verb without STUDIO_USER included, an invalid setting), 3 refused (wrong password, locked account, or a role that may not), 130 cancelled (Ctrl+C).
var root = new RootCommand("ContentStudio command line: generate, check and validate on-brand copy.")
{
    GenerateCommand.Build(),
    CheckCommand.Build(),
    CheckCampaignCommand.Build(),
    BrandsCommand.Build(),
    PromptsCommand.Build(),
    DbCommand.Build(),
    UsersCommand.Build(),
    AuditCommand.Build(),
    UsageCommand.Build(),
    ExportCommand.Build(),
    PublishCommand.Build(),
    ResultsCommand.Build(),
    ExperimentsCommand.Build(),
    GovernanceCommand.Build(),
    VariantsCommand.Build(),
};
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    // System.CommandLine reports parse errors with exit 1, which our scripts read as "problems found": a usage
    // error is 2. The errors and the usage of the verb that was misused both go to stderr.
    await parsed.InvokeAsync(new InvocationConfiguration { Output = Console.Error, Error = Console.Error });
    return ExitCodes.UsageOrInput;
}
// Our own handler instead of System.CommandLine's (which prints every exception with its stack trace): a bad setting
// or a migration lock held elsewhere is the operator's to fix, and the message says how.
try
{
    return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (SettingsException e)
{
    Console.Error.WriteLine("error: " + e.Message);
    return ExitCodes.UsageOrInput;
}
catch (ContentStudio.Core.Audit.AuditChainKeyMissingException e)
{
    // Names the setting; writing on without the key would fork the log onto a key nobody can verify.
    Console.Error.WriteLine("error: " + e.Message);
    return ExitCodes.UsageOrInput;
}
catch (MigrationLockTimeoutException e)
{
    Console.Error.WriteLine("error: " + e.Message);
    return ExitCodes.Problems;
}
catch (OperationCanceledException)
{
    return ExitCodes.Cancelled;
}
catch (Exception e)
{
    Console.Error.WriteLine("Unhandled exception: " + e);
    return ExitCodes.Problems;
}
