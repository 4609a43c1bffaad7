using System.CommandLine;
using ContentStudio.Core.Data;
using ContentStudio.Core.Insights;
using ContentStudio.Core.Insights.Experiments;
using Microsoft.Extensions.DependencyInjection;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Cli.Commands;

/// <summary>`studio experiments report --campaign ID [--format text|json] [--metric clicks|conversions]`: the campaign's
/// experiments as the Insights page shows them (exit 0; 2 for an unknown campaign). `studio experiments control
/// --variant ID`: makes a variant the control of its segment × channel experiment (audited). Both sign in
/// (STUDIO_USER / STUDIO_PASSWORD): results are business data.</summary>
internal static class ExperimentsCommand
{
    public static Command Build()
    {
        var campaign = new Option<Guid>("--campaign") { Description = "Id of the campaign", Required = true };
        var format = new Option<string>("--format") { Description = "text or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var metric = new Option<ExperimentMetric?>("--metric") { Description = "Clicks or Conversions (default: the Insights:Metric setting)" };
        var report = new Command("report", "Rates, lifts, probability of being best and the decision for each segment × channel.") { campaign, format, metric };
        report.SetAction(async (result, ct) =>
        {
            await using var services = CliHost.Build();
            await DatabaseInitializer.MigrateAsync(services, ct);
            var signIn = await CliIdentity.SignInAsync(services, StudioPermission.ReadInsights, ct);
            if (signIn.Refused) return signIn.ExitCode;
            try
            {
                var experiments = await services.GetRequiredService<ExperimentReports>()
                    .ForCampaignAsync(result.GetValue(campaign), signIn.User!, result.GetValue(metric), ct);
                Console.Write(result.GetValue(format) == "json" ? ExperimentReportText.Json(experiments) + "\n" : ExperimentReportText.Text(experiments));
                return ExitCodes.Ok;
            }
            catch (CampaignNotFoundException e)
            {
                Console.Error.WriteLine("error: " + e.Message);
                return ExitCodes.UsageOrInput;
            }
        });

        var variant = new Option<Guid>("--variant") { Description = "Id of the variant to make the control", Required = true };
        var control = new Command("control", "Make a variant the control of its segment × channel experiment.") { variant };
        control.SetAction(async (result, ct) =>
        {
            await using var services = CliHost.Build();
            await DatabaseInitializer.MigrateAsync(services, ct);
            var signIn = await CliIdentity.SignInAsync(services, StudioPermission.DesignateControl, ct);
            if (signIn.Refused) return signIn.ExitCode;
            try
            {
                await services.GetRequiredService<ExperimentReports>().DesignateControlAsync(result.GetValue(variant), signIn.User!, ct);
                Console.WriteLine($"variant {result.GetValue(variant)} is now the control of its experiment");
                return ExitCodes.Ok;
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine("error: " + e.Message);
                return ExitCodes.UsageOrInput;
            }
        });
        return new Command("experiments", "Experiments: a campaign's variants against a control.") { report, control };
    }
}
