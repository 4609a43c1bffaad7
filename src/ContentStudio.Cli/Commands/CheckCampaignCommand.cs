using System.CommandLine;
using ContentStudio.Core.Checks;
using ContentStudio.Core.Checks.CrossVariant;

namespace ContentStudio.Cli.Commands;

/// <summary>`studio check-campaign --input campaigns.jsonl --format jsonl [--fail-on warning|blocker] [--vocabulary DIR]`
/// runs the campaign checks (fairness across segments, consistency across channels, near-duplicates) on campaigns
/// written anywhere. Exit 0 when nothing reaches --fail-on, 1 when something does, 2 on a usage or input error.</summary>
internal static class CheckCampaignCommand
{
    public static Command Build()
    {
        var input = new Option<string>("--input") { Description = "JSONL file of campaigns (brief, segments, variants); '-' reads standard input", Required = true };
        var format = new Option<string>("--format") { Description = "jsonl (one result line per campaign)", DefaultValueFactory = _ => "jsonl" };
        var failOn = new Option<string>("--fail-on") { Description = "warning or blocker", DefaultValueFactory = _ => "blocker" };
        var vocabulary = new Option<DirectoryInfo?>("--vocabulary") { Description = "Folder of extra stereotype, condescension and perk files (*.yaml) for this brand" };
        var command = new Command("check-campaign", "Check whole campaigns for fairness across segments.") { input, format, failOn, vocabulary };
        command.SetAction(result =>
        {
            if (result.GetValue(format) != "jsonl") return Usage("unknown --format (use jsonl)");
            var fail = result.GetValue(failOn) switch { "warning" => Severity.Warning, "blocker" => Severity.Blocker, _ => (Severity?)null };
            if (fail is null) return Usage($"unknown --fail-on '{result.GetValue(failOn)}' (use warning or blocker)");
            var folder = result.GetValue(vocabulary);
            if (folder is not null && !folder.Exists) return Usage($"{folder.FullName}: folder not found");
            FairnessVocabulary words;
            try { words = FairnessVocabulary.WithFolder(folder?.FullName); }
            catch (FormatException e) { return Usage(e.Message); }
            var path = result.GetValue(input)!;
            if (path != "-" && !File.Exists(path)) return Usage($"{path}: file not found");
            using var reader = path == "-" ? Console.In : new StreamReader(path);
            var output = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
            var runner = new CampaignCheckRunner(CampaignCheckRunner.Standard(new CampaignThresholds(), words));
            var code = new CampaignBatch(runner, fail.Value).Run(reader, output, Console.Error);
            output.Flush();
            return code;
        });
        return command;
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine("studio check-campaign: " + message);
        return ExitCodes.UsageOrInput;
    }
}
