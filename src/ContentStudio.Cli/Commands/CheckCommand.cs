using ContentStudio.Core.Brands;
using ContentStudio.Core.Checks;
using System.CommandLine;
using ContentStudio.Cli.Check;
using Microsoft.Extensions.DependencyInjection;

namespace ContentStudio.Cli.Commands;

/// <summary>`studio check [FILE|-] [--brand NAME] [--channel CHANNEL] [--format text|json|sarif] [--fail-on warning|blocker]`
/// lints copy; `studio check --input items.jsonl --format jsonl` checks one item per line. Exit 0 when nothing
/// reaches --fail-on, 1 when something does, 2 on a usage or input error (a malformed jsonl line included).</summary>
internal static class CheckCommand
{
    public static Command Build()
    {
        var file = new Argument<string?>("file") { Description = "Text (or {\"channel\",\"fields\"} JSON) to check; '-' or nothing reads standard input", Arity = ArgumentArity.ZeroOrOne };
        var brand = new Option<string?>("--brand") { Description = "Brand slug: adds the brand's terms, claims, disclaimers and voice rules" };
        var channel = new Option<string?>("--channel") { Description = "email, sms, ad, social, landing-hero or push: adds channel limits" };
        var format = new Option<string>("--format") { Description = "text, json, sarif, or jsonl (with --input)", DefaultValueFactory = _ => "text" };
        var failOn = new Option<string>("--fail-on") { Description = "warning or blocker", DefaultValueFactory = _ => "blocker" };
        var input = new Option<FileInfo?>("--input") { Description = "Batch: a JSONL file of {\"id\",\"text\",\"channel\"?} items" };
        var command = new Command("check", "Check copy for bias and brand consistency.") { file, brand, channel, format, failOn, input };
        command.SetAction(result =>
        {
            var path = result.GetValue(input)?.FullName ?? result.GetValue(file);
            TextReader reader;
            if (string.IsNullOrEmpty(path) || path == "-") reader = Console.In;
            else if (!File.Exists(path)) { Console.Error.WriteLine($"error: {path}: file not found"); return ExitCodes.UsageOrInput; }
            else reader = new StreamReader(path);
            using (reader)
            {
                using var services = CliHost.Build();
                var options = new CheckCommandOptions
                {
                    Brand = result.GetValue(brand),
                    Channel = result.GetValue(channel),
                    Format = result.GetValue(format)!,
                    FailOn = result.GetValue(failOn)!,
                    SourceName = string.IsNullOrEmpty(path) ? "-" : path,
                };
                var output = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
                var check = new CheckCommandCore(services.GetRequiredService<CheckPipelineFactory>(), services.GetService<IBrandCatalog>());
                var code = check.Run(options, reader, output, Console.Error);
                output.Flush();
                return code;
            }
        });
        return command;
    }
}
