using System.CommandLine;
using System.Globalization;
using ContentStudio.Core.Data;
using ContentStudio.Core.Insights;
using ContentStudio.Core.Insights.Calibration;
using ContentStudio.Core.Insights.Edits;
using ContentStudio.Core.Insights.Governance;
using Microsoft.Extensions.DependencyInjection;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Cli.Commands;

/// <summary>`studio governance report --from YYYY-MM-DD --to YYYY-MM-DD [--brand B] [--format text|csv]`: what governance
/// cost over the period (from inclusive, to exclusive, UTC), the checks calibrated by the verdicts taken in it, and the edits people keep making. Exit 0; 2 for a bad period or identity; 3 refused.</summary>
internal static class GovernanceCommand
{
    public static Command Build()
    {
        var from = new Option<DateOnly>("--from") { Description = "First day (UTC), YYYY-MM-DD", Required = true };
        var to = new Option<DateOnly>("--to") { Description = "Day after the last (UTC), YYYY-MM-DD", Required = true };
        var brand = new Option<string?>("--brand") { Description = "Brand slug (default: every brand)" };
        var format = new Option<string>("--format") { Description = "text or csv", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "csv");
        var report = new Command("report", "Variants generated, gates, review states, decisions, overrides, review cycle time, the checks calibrated by reviewers' verdicts, and what reviewers keep changing.") { from, to, brand, format };
        report.SetAction(async (result, ct) =>
        {
            await using var services = CliHost.Build();
            await DatabaseInitializer.MigrateAsync(services, ct);
            var signIn = await CliIdentity.SignInAsync(services, StudioPermission.ReadInsights, ct);
            if (signIn.Refused) return signIn.ExitCode;
            GovernanceReport r;
            CalibrationReport calibration;
            EditPatternsReport edits;
            var (first, end) = (result.GetValue(from).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), result.GetValue(to).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
            try
            {
                r = await services.GetRequiredService<GovernanceAnalytics>().ForPeriodAsync(result.GetValue(brand), first, end, signIn.User!, ct);
                calibration = await services.GetRequiredService<CheckCalibration>().ForPeriodAsync(result.GetValue(brand), first, end, signIn.User!, ct);
                edits = await services.GetRequiredService<EditPatterns>().ForPeriodAsync(result.GetValue(brand), first, end, signIn.User!, ct);
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine("error: " + e.Message);
                return ExitCodes.UsageOrInput;
            }
            Console.Write(result.GetValue(format) == "csv"
                ? EditPatternsText.WriteCsv(edits, CalibrationText.WriteCsv(calibration, r.WriteCsv(new MetricCsv()))).ToString()
                : Text(r) + CalibrationText.Text(calibration) + EditPatternsText.Text(edits));
            return ExitCodes.Ok;
        });
        return new Command("governance", "Governance analytics.") { report };
    }

    private static string Text(GovernanceReport r)
    {
        var c = CultureInfo.InvariantCulture;
        static string Pairs(IReadOnlyDictionary<string, int> d) => d.Count == 0 ? "none" : string.Join(", ", d.Select(p => $"{p.Key} {p.Value}"));
        return string.Create(c, $"""
            Governance {r.Brand ?? "(every brand)"} {r.FromUtc:yyyy-MM-dd} to {r.ToUtc:yyyy-MM-dd} (exclusive)
              variants generated: {r.VariantsGenerated}
              gates: {Pairs(r.Gates)}
              review states: {Pairs(r.ReviewStates)}
              decisions: {Pairs(r.Decisions)} (overrides {r.Overrides})
              review cycle (generated to first verdict, {r.DecidedVariants} variants): median {Hours(r.CycleMedianHours)}, p90 {Hours(r.CycleP90Hours)}

            """);
        string Hours(double? h) => h is { } v ? v.ToString("0.#", c) + " h" : "—";
    }
}
