using System.CommandLine;
using ContentStudio.Core.Data;
using ContentStudio.Core.Publishing;
using Microsoft.Extensions.DependencyInjection;

namespace ContentStudio.Cli.Commands;

/// <summary>`studio export --campaign ID --out DIR`: writes the campaign's approved variants (Markdown, sanitised HTML,
/// manifest.json with provenance and approval evidence) under DIR/&lt;campaign&gt;/. Exit 0 when every approved variant
/// was written, 1 when some were left out (each named with the reason), 2 on bad input or missing wiring.</summary>
internal static class ExportCommand
{
    public static Command Build()
    {
        var campaign = new Option<Guid>("--campaign") { Description = "Id of the campaign to export", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write into (a sub-folder per campaign)", Required = true };
        var command = new Command("export", "Export a campaign's approved variants as files.") { campaign, output };
        command.SetAction(async (result, ct) =>
        {
            await using var services = CliHost.Build();
            if (PublishingWiring.Missing(services) is { } missing) return PublishingWiring.Fail(missing);
            await DatabaseInitializer.MigrateAsync(services, ct);
            try
            {
                var report = await services.GetRequiredService<CampaignExporter>().ExportAsync(result.GetValue(campaign), result.GetValue(output)!.FullName, ct);
                foreach (var reason in report.Skipped) Console.Error.WriteLine("skipped: " + reason);
                Console.WriteLine($"{report.Written} approved variant(s) written to {report.Folder}, {report.Skipped.Count} skipped");
                return report.Written == 0 || report.Skipped.Count > 0 ? ExitCodes.Problems : ExitCodes.Ok;
            }
            catch (PublishingException e) { return PublishingWiring.Fail(e.Message); }
            catch (OperationCanceledException) { return ExitCodes.Cancelled; }
        });
        return command;
    }
}

/// <summary>Publishing needs an approval source (the review feature) and the publishing services; say which is missing.</summary>
internal static class PublishingWiring
{
    public static string? Missing(IServiceProvider services) =>
        services.GetService<IApprovalEvidenceSource>() is null
            ? "no approval source is registered (IApprovalEvidenceSource, provided by the review feature): publishing and export read approvals from it, so nothing can be exported or published"
            : services.GetService<OutboxDispatcher>() is null
                ? "publishing is not registered (AddPublishing): nothing can be exported or published"
                : null;

    public static int Fail(string message)
    {
        Console.Error.WriteLine("error: " + message);
        return ExitCodes.UsageOrInput;
    }
}
