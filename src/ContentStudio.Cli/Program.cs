using System.CommandLine;
using ContentStudio.Cli;
using ContentStudio.Cli.Commands;

// `studio`: thin verbs over ContentStudio.Core. Exit codes: 0 success, 1 the verb ran and found a problem
// (failed checks, invalid files, tasks needing attention), 2 usage or input error (a data-changing verb without
// STUDIO_USER included), 3 refused (wrong password, locked account, or a role that may not), 130 cancelled (Ctrl+C).
var root = new RootCommand("ContentStudio command line: generate, check and validate on-brand copy.")
{
    GenerateCommand.Build(),
    CheckCommand.Build(),
    BrandsCommand.Build(),
    PromptsCommand.Build(),
    DbCommand.Build(),
    UsersCommand.Build(),
    AuditCommand.Build(),
    ExportCommand.Build(),
    PublishCommand.Build(),
};
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    // System.CommandLine reports parse errors with exit 1, which our scripts read as "problems found": a usage
    // error is 2. The errors and the usage of the verb that was misused both go to stderr.
    await parsed.InvokeAsync(new InvocationConfiguration { Output = Console.Error, Error = Console.Error });
    return ExitCodes.UsageOrInput;
}
return await parsed.InvokeAsync();
