using System.CommandLine;
using ContentStudio.Core;
using ContentStudio.Core.Campaigns;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Cli.Commands;

/// <summary>`studio generate --brief FILE` creates a campaign from a brief (JSON) and writes every variant;
/// `studio generate --resume RUN` finishes a run that was interrupted. Exit 0 when every task produced a
/// usable variant, 1 when some need attention or were cancelled, 2 when the brief is invalid or no user is given, 3 when the
/// sign-in or the role is refused (a Marketer, BrandManager or Admin may generate), 130 when stopped by Ctrl+C or SIGTERM
/// (the run can be resumed: nothing written is lost). The campaign and the run record the signed-in user as CreatedBy.</summary>
internal static class GenerateCommand
{
    public static Command Build()
    {
        var brief = new Option<FileInfo?>("--brief") { Description = "Campaign brief as JSON (see docs/samples/brief-lumen.json)" };
        var resume = new Option<Guid?>("--resume")
        {
            Description = "Id of an interrupted run to finish",
            CustomParser = r =>
            {
                var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
                if (Guid.TryParse(text, out var id)) return id;
                r.AddError($"--resume takes the run's id, as printed by `studio generate` (e.g. {Guid.Empty}), not '{text}'.");
                return null;
            },
        };
        var quiet = new Option<bool>("--quiet") { Description = "No progress bar; print only the summary" };
        var command = new Command("generate", "Write copy for every segment × channel × variant of a brief.") { brief, resume, quiet };
        command.Validators.Add(r =>
        {
            // GetResult, not GetValue: reading a value that failed to parse (--resume not-a-guid) throws, and that
            // parse error is already reported.
            if ((r.GetResult(brief) is null) == (r.GetResult(resume) is null))
                r.AddError("Give either --brief FILE (a new campaign) or --resume RUN (finish an interrupted run).");
        });
        command.SetAction(async (result, ct) =>
        {
            await using var services = CliHost.Build();
            await services.InitializeContentStudioAsync(ct);
            var signIn = await CliIdentity.SignInAsync(services, StudioPermission.Generate, ct);
            if (signIn.Refused) return signIn.ExitCode;
            var user = signIn.User!;
            var generation = services.GetRequiredService<GenerationService>();
            Guid runId;
            if (result.GetValue(brief) is { } file)
            {
                try
                {
                    var campaign = await services.GetRequiredService<CampaignService>().CreateFromFileAsync(file.FullName, user, ct);
                    runId = (await generation.StartRunAsync(campaign.Id, user, ct)).Id;
                    Console.WriteLine($"campaign {campaign.Id} \"{campaign.Name}\", run {runId}");
                }
                catch (BriefFileException ex) { return Fail(ex.Error.ToString()); }
                catch (BriefValidationException ex) { return Fail($"{file.Name}: the brief is not valid:\n  " + string.Join("\n  ", ex.Errors)); }
            }
            else
            {
                runId = result.GetValue(resume)!.Value;
                if (await generation.GetRunAsync(runId, ct) is null) return Fail($"run {runId} does not exist in this database");
                Console.WriteLine($"resuming run {runId}");
            }

            try { await RunAsync(services, runId, result.GetValue(quiet), ct); }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine($"stopped; finish later with: studio generate --resume {runId}");
                return ExitCodes.Cancelled;
            }
            var progress = (await generation.GetProgressAsync(runId, CancellationToken.None))!;
            Console.WriteLine($"{progress.Done} variants written, {progress.NeedsAttention} need attention, {progress.Cancelled} cancelled, of {progress.Total}");
            if (progress.IsWaitingForBudget && progress.ProviderWaitUntilUtc is { } reset)
                Console.Error.WriteLine($"{progress.Pending} task(s) wait for the daily token budget to reset at {reset:yyyy-MM-dd HH:mm} UTC; " +
                                        $"the web app's worker goes on then, or run: studio generate --resume {runId}");
            // Cancelled tasks (the run was stopped, e.g. from the web app) are not usable variants either.
            return progress.Done == progress.Total ? ExitCodes.Ok : ExitCodes.Problems;
        });
        return command;
    }

    private static async Task RunAsync(IServiceProvider services, Guid runId, bool quiet, CancellationToken ct)
    {
        if (quiet || Console.IsOutputRedirected)
        {
            await RunToEndAsync(services, runId, ct);
            return;
        }
        var live = services.GetRequiredService<ILiveEvents>();
        await AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var bar = ctx.AddTask("generating");
                using var subscription = live.Subscribe<RunProgress>(p =>
                {
                    bar.MaxValue = Math.Max(1, p.Total);
                    bar.Value = p.Finished;
                    bar.Description = p.NeedsAttention > 0 ? $"generating ({p.NeedsAttention} need attention)" : "generating";
                }, p => p.RunId == runId);
                await RunToEndAsync(services, runId, ct);
                bar.Value = bar.MaxValue;
            });
    }

    /// <summary>Works the run until every task is finished (Core's drain), saying once why it waits when it does.</summary>
    private static async Task RunToEndAsync(IServiceProvider services, Guid runId, CancellationToken ct)
    {
        var options = services.GetRequiredService<IOptions<GenerationOptions>>().Value;
        var announced = false;
        await services.GetRequiredService<GenerationEngine>().DrainAsync(runId, progress =>
        {
            if (announced) return;
            announced = true;
            Console.Error.WriteLine(progress.WaitingForProvider > 0 && progress.ProviderWaitUntilUtc is { } until
                ? $"waiting for the model provider until {until:HH:mm:ss} UTC ({progress.WaitingForProvider} task(s) put back after a rate limit or outage)"
                : $"waiting for {progress.InProgress} task(s) claimed by another worker; they are taken over " +
                  $"if its lease runs out (Generation:LeaseSeconds = {options.LeaseSeconds})");
        }, ct);
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine("error: " + message);
        return ExitCodes.UsageOrInput;
    }
}
