using System.CommandLine;
using ContentStudio.Core.Brands;
using ContentStudio.Core.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Cli.Commands;

internal static class SourceReport
{
    /// <summary>Prints errors (stderr) and warnings (stdout); returns the exit code.</summary>
    public static int Print(IReadOnlyList<SourceError> problems)
    {
        foreach (var p in problems)
            (p.IsWarning ? Console.Out : Console.Error).WriteLine(p.IsWarning ? p.ToString() : "error: " + p);
        var errors = problems.Count(p => !p.IsWarning);
        Console.WriteLine(errors == 0 ? "valid" : $"{errors} error(s)");
        return errors == 0 ? ExitCodes.Ok : ExitCodes.Problems;
    }

    /// <summary>The folder named by the option, else the configured one looked up like the web app does.</summary>
    public static string ResolveFolder(this Option<string?> option, ParseResult result, Func<StudioOptions, string> configured)
    {
        var explicitPath = result.GetValue(option);
        if (!string.IsNullOrEmpty(explicitPath)) return Path.GetFullPath(explicitPath);
        using var services = CliHost.Build();
        return StudioPaths.FromCommandLine(configured(services.GetRequiredService<IOptions<StudioOptions>>().Value));
    }
}
