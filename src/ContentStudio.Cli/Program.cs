using System.CommandLine;
using ContentStudio.Cli.Commands;

// `studio`: thin verbs over ContentStudio.Core. Exit codes: 0 success, 1 the verb ran and found a problem
// (failed checks, invalid files, tasks needing attention), 2 usage or input error, 130 cancelled (Ctrl+C).
var root = new RootCommand("ContentStudio command line: generate, check and validate on-brand copy.")
{
    GenerateCommand.Build(),
    CheckCommand.Build(),
    BrandsCommand.Build(),
    PromptsCommand.Build(),
    DbCommand.Build(),
    UsersCommand.Build(),
    AuditCommand.Build(),
};
return await root.Parse(args).InvokeAsync();
