using System.CommandLine;
using System.Globalization;
using ContentStudio.Core;
using ContentStudio.Core.Kernel;
using ContentStudio.Core.Llm.Budgets;
using Microsoft.Extensions.DependencyInjection;

namespace ContentStudio.Cli.Commands;

/// <summary>`studio usage [--days N]`: model use per UTC day per user and per brand (calls, failed calls, tokens in and
/// out, cost estimate) against the daily budgets, from the usage ledger. Needs a Brand manager or Admin signed in
/// (STUDIO_USER / STUDIO_PASSWORD). Exit 0 shown, 2 bad input, 3 sign-in or role refused.</summary>
internal static class UsageCommand
{
    public static Command Build()
    {
        var days = new Option<int>("--days") { Description = $"UTC days to show, up to today (1–{UsageReport.MaxDays})", DefaultValueFactory = _ => 7 };
        var command = new Command("usage", "Model use per day per user and per brand, against the daily token budgets.") { days };
        command.SetAction(async (result, ct) =>
        {
            var span = result.GetValue(days);
            if (span is < 1 or > UsageReport.MaxDays)
            {
                Console.Error.WriteLine($"error: --days must be between 1 and {UsageReport.MaxDays} (got {span})");
                return ExitCodes.UsageOrInput;
            }
            await using var services = CliHost.Build();
            await services.InitializeContentStudioAsync(ct);
            var signIn = await CliIdentity.SignInAsync(services, StudioPermission.ReadUsage, ct);
            if (signIn.Refused) return signIn.ExitCode;
            var lines = await services.GetRequiredService<UsageReport>().ReadAsync(signIn.User!, span, ct);
            if (lines.Count == 0)
            {
                Console.WriteLine($"no model calls in the last {span} day(s)");
                return ExitCodes.Ok;
            }
            Console.WriteLine($"{"day",-10}  {"kind",-5}  {"name",-24}  {"calls",6}  {"failed",6}  {"tokens in",10}  {"tokens out",10}  {"cost",9}  budget");
            foreach (var l in lines)
                Console.WriteLine($"{l.Day:yyyy-MM-dd}  {l.Kind,-5}  {l.Name,-24}  {l.Calls,6}  {l.FailedCalls,6}  {N(l.InputTokens),10}  {N(l.OutputTokens),10}  " +
                                  $"{l.CostEstimate.ToString("0.0000", CultureInfo.InvariantCulture),9}  {Budget(l)}");
            return ExitCodes.Ok;
        });
        return command;
    }

    static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    static string Budget(UsageLine l) => l.BudgetUsed is { } used
        ? $"{N(l.Tokens)} of {N(l.Budget)} ({used.ToString("P0", CultureInfo.InvariantCulture)}){(used >= 1 ? " used up" : "")}"
        : "unlimited";
}
