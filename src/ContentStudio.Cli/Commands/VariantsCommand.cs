using System.CommandLine;
using System.Text;
using ContentStudio.Core.Campaigns.Export;
using ContentStudio.Core.Data;
using ContentStudio.Core.Kernel;
using Microsoft.Extensions.DependencyInjection;

namespace ContentStudio.Cli.Commands;

/// <summary>`studio variants export --campaign ID [--format jsonl|csv] [--out FILE]`: every variant of every run of a
/// campaign, in any review state, with segment, channel, fields, gate, score, findings and provenance (README
/// "Exporting variants"). Standard output unless --out names a file. Exit 0; 2 for a bad option, an unknown campaign or
/// no identity; 3 refused.</summary>
internal static class VariantsCommand
{
    public static Command Build()
    {
        var campaign = new Option<Guid>("--campaign") { Description = "Id of the campaign", Required = true };
        var format = new Option<string>("--format") { Description = "jsonl (one variant a line) or csv (one a row)", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong([.. VariantExportWriter.Formats]);
        var output = new Option<FileInfo?>("--out") { Description = "File to write (default: standard output)" };
        var export = new Command("export", "Write every variant of a campaign with its checks and provenance.") { campaign, format, output };
        export.SetAction(async (result, ct) =>
        {
            await using var services = CliHost.Build();
            await DatabaseInitializer.MigrateAsync(services, ct);
            var signIn = await CliIdentity.SignInAsync(services, StudioPermission.WorkQueue, ct);
            if (signIn.Refused) return signIn.ExitCode;
            IReadOnlyList<VariantExportRow> rows;
            try { rows = await services.GetRequiredService<VariantExporter>().RowsAsync(result.GetValue(campaign), signIn.User!, ct); }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine("error: " + e.Message);
                return ExitCodes.UsageOrInput;
            }
            var file = result.GetValue(output);
            if (file is null)
            {
                VariantExportWriter.Write(rows, result.GetValue(format)!, Console.Out);
                return ExitCodes.Ok;
            }
            // Written beside the target and moved over it: a failed export never leaves half a file under the name.
            var temporary = file.FullName + ".partial";
            await using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(false)))
                VariantExportWriter.Write(rows, result.GetValue(format)!, writer);
            File.Move(temporary, file.FullName, overwrite: true);
            Console.Error.WriteLine($"{rows.Count} variant(s) written to {file.FullName}");
            return ExitCodes.Ok;
        });
        return new Command("variants", "Read a campaign's variants outside the studio.") { export };
    }
}
