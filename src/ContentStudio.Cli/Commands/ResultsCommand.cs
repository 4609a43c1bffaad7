using System.CommandLine;
using ContentStudio.Core.Data;
using ContentStudio.Core.Insights.Results;
using Microsoft.Extensions.DependencyInjection;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Cli.Commands;

/// <summary>`studio results import --file results.csv`: brings performance results in for published variants (columns
/// in the README, "Results files"). All or nothing: exit 0 with the counts added / updated / unchanged, 1 with every
/// problem as file:line: message and nothing imported, 2 when the file cannot be read, 3 when refused.</summary>
internal static class ResultsCommand
{
    public static Command Build()
    {
        var file = new Option<FileInfo>("--file") { Description = "The results CSV", Required = true };
        var import = new Command("import", "Import results (impressions or sends, clicks, conversions, ...) per published variant and send date.") { file };
        import.SetAction(async (result, ct) =>
        {
            var path = result.GetValue(file)!;
            if (!path.Exists)
            {
                Console.Error.WriteLine($"error: {path.FullName} does not exist");
                return ExitCodes.UsageOrInput;
            }
            await using var services = CliHost.Build();
            await DatabaseInitializer.MigrateAsync(services, ct);
            var signIn = await CliIdentity.SignInAsync(services, StudioPermission.ImportResults, ct);
            if (signIn.Refused) return signIn.ExitCode;
            var user = signIn.User!;
            using var reader = new StreamReader(path.FullName);
            var report = await services.GetRequiredService<ResultsImporter>().ImportAsync(reader, path.Name, user, ct);
            foreach (var error in report.Errors) Console.Error.WriteLine(error);
            if (!report.Succeeded)
            {
                Console.Error.WriteLine($"{report.Errors.Count} problem(s); nothing was imported. Fix them and import the whole file again.");
                return ExitCodes.Problems;
            }
            Console.WriteLine($"results imported from {path.Name}: {report}");
            return ExitCodes.Ok;
        });
        return new Command("results", "Performance results of published variants.") { import };
    }
}
