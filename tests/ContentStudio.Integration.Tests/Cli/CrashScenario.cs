using ContentStudio.Testing;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ContentStudio.Core.Generation;
using ContentStudio.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Integration.Tests.Cli;

/// <summary>How and where the first `studio generate` is stopped.</summary>
public enum Interruption
{
    /// <summary>SIGKILL while variants are being written as fast as the model answers: the kill lands anywhere
    /// (between statements, inside a save's transaction, during a claim).</summary>
    KillWhileWriting,
    /// <summary>SIGKILL while the process waits on model calls that never answer: its tasks are held by fresh leases.</summary>
    KillWhileModelCallsHang,
    /// <summary>SIGTERM (as `docker stop` or systemd sends) while model calls hang: a clean stop, exit 130, tasks handed back.</summary>
    TerminateWhileModelCallsHang,
}

/// <summary>What the database held right after the kill and after the resume.</summary>
public sealed record CrashReport(int Total, int VariantsBeforeKill, int PendingAtKill, int ClaimedAtKill, int VariantsAfterResume,
    int ModelCallsDuringResume, CliResult Resume)
{
    public override string ToString() =>
        $"{Total} tasks; at the kill {VariantsBeforeKill} variants, {PendingAtKill} pending, {ClaimedAtKill} claimed; " +
        $"after the resume {VariantsAfterResume} variants from {ModelCallsDuringResume} model calls" +
        (Resume.StdErr.Contains("waiting for") ? " (the resume waited for the dead process's leases)" : "") + $"\n{Resume}";
}

/// <summary>`studio generate` against a real HTTP model endpoint, stopped mid-run (SIGKILL with no clean-up, or SIGTERM),
/// then `studio generate --resume RUN` in a new process. Checks the database at both points: a task and its variant
/// land together or not at all, nothing written is lost or redone, and in the end every task has exactly one variant.</summary>
public static partial class CrashScenario
{
    /// <summary>One reply valid for every channel: the parser takes the channel's keys and ignores the others.</summary>
    static readonly string FieldsForEveryChannel = new JsonObject
    {
        ["subject"] = "Fresh beans, your schedule", ["preheader"] = "Roasted within 48 hours of shipping.",
        ["body"] = "Your first bag is half price. Pause or skip any time.", ["cta"] = "Start your subscription",
        ["headline"] = "Coffee on your schedule", ["description"] = "Freshly roasted coffee delivered when you want it.",
        ["post"] = "Freshly roasted, delivered on your schedule.", ["hashtags"] = "#coffee",
        ["subheadline"] = "Roasted within 48 hours of shipping.", ["title"] = "Your roast is ready",
    }.ToJsonString();

    static readonly TimeSpan ModelLatency = TimeSpan.FromMilliseconds(75);
    static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(50);

    public static async Task<CrashReport> RunAsync(CliWorkspace workspace, Interruption interruption)
    {
        await using var model = await FakeOpenAiServer.StartAsync();
        workspace.Environment["Llm__Provider"] = "OpenAICompatible";
        workspace.Environment["Llm__Endpoint"] = model.BaseUri.ToString();
        workspace.Environment["Llm__Model"] = "fake";
        workspace.Environment["Generation__PollIntervalMilliseconds"] = "200";
        string brief;
        int answered; // the model answers this many calls, then hangs: the first process cannot finish before the kill
        if (interruption == Interruption.KillWhileWriting)
        {
            brief = CliWorkspace.SampleBrief;
            answered = 45;
            // The smallest lease allowed: the killed process's claims run out at most 5 s after its last renewal.
            workspace.Environment["Generation__LeaseSeconds"] = "5";
        }
        else
        {
            // Every task claimed in one batch and in flight at once (so its lease is renewed until the kill): the
            // resume finds nothing claimable until the dead process's leases run out, and must wait for them
            // rather than stop with the run half done. The lease outlasts the resume's start-up on a loaded machine.
            brief = workspace.WriteFile("brief-small.json", SmallBrief(segments: 2, channels: 2));
            answered = 4;
            workspace.Environment["Generation__LeaseSeconds"] = "15";
            workspace.Environment["Generation__BatchSize"] = "100";
            workspace.Environment["Generation__WorkerConcurrency"] = "16";
        }
        model.Then([.. Enumerable.Repeat(FakeReply.Text(FieldsForEveryChannel, ModelLatency), answered), FakeReply.Hang(TimeSpan.FromMinutes(5))]);

        Guid runId;
        int variantsBefore, pendingAtKill, claimedAtKill, total;
        HashSet<Guid> variantIdsBefore;
        HashSet<long> finishedSeeds;
        List<long> unfinishedSeeds;
        using (var first = workspace.Start("generate", "--brief", brief, "--quiet"))
        {
            await WaitUntilAsync(first, async () =>
            {
                await using var db = workspace.Db();
                var variants = await db.Variants.CountAsync();
                return interruption == Interruption.KillWhileWriting
                    ? variants >= 10
                    : variants == answered && model.Requests.Count > answered; // every answer saved, the next calls hanging
            });
            if (interruption == Interruption.TerminateWhileModelCallsHang)
            {
                first.Terminate();
                var stopped = await first.WaitAsync(CliWorkspace.Timeout);
                stopped.ExitCode.ShouldBe(130, stopped.ToString());
                stopped.StdErr.ShouldContain("finish later with: studio generate --resume ", Case.Sensitive, stopped.ToString());
            }
            else first.Kill();
            first.HasExited.ShouldBeTrue();

            await using var db = workspace.Db();
            var run = await db.GenerationRuns.AsNoTracking().SingleAsync();
            runId = run.Id;
            RunIdPrinted().Match(first.StdOut).Groups["id"].Value.ShouldBe(runId.ToString(), first.StdOut);
            run.Status.ShouldBe(RunStatus.Running);
            total = run.TotalTasks;
            var tasks = await db.GenerationTasks.AsNoTracking().Where(t => t.RunId == runId).ToListAsync();
            var variants = await db.Variants.AsNoTracking().Where(v => v.RunId == runId).ToListAsync();
            tasks.Count.ShouldBe(total);
            variantsBefore = variants.Count;
            variantsBefore.ShouldBeInRange(1, total - 1);
            pendingAtKill = tasks.Count(t => t.Status == GenerationTaskStatus.Pending);
            claimedAtKill = tasks.Count(t => t.Status == GenerationTaskStatus.Claimed);
            (pendingAtKill + claimedAtKill).ShouldBe(total - variantsBefore);
            if (interruption == Interruption.KillWhileModelCallsHang) claimedAtKill.ShouldBe(total - variantsBefore);
            if (interruption == Interruption.TerminateWhileModelCallsHang) claimedAtKill.ShouldBe(0); // handed back on the way out
            ShouldHoldOneVariantPerFinishedTask(tasks, variants);
            (run.DoneTasks + run.NeedsAttentionTasks).ShouldBe(variantsBefore); // the counter moved with each save
            variantIdsBefore = variants.Select(v => v.Id).ToHashSet();
            var finished = variants.Select(v => v.TaskId).ToHashSet();
            finishedSeeds = tasks.Where(t => finished.Contains(t.Id)).Select(t => (long)t.Seed).ToHashSet();
            unfinishedSeeds = tasks.Where(t => !finished.Contains(t.Id)).Select(t => (long)t.Seed).ToList();
        }

        // The resume talks to a healthy model of its own, so every call it records is the resume's (the hung one may
        // still record a call the killed process sent as it died). Calls are told apart by seed: each task has its own.
        await using var healthy = await FakeOpenAiServer.StartAsync();
        healthy.Then(FakeReply.Text(FieldsForEveryChannel, ModelLatency));
        workspace.Environment["Llm__Endpoint"] = healthy.BaseUri.ToString();
        var resume = await workspace.RunAsync("generate", "--resume", runId.ToString(), "--quiet");
        var seedsDuringResume = healthy.Requests.Select(r => r.Body["seed"]!.GetValue<long>()).ToList();
        seedsDuringResume.Where(finishedSeeds.Contains).ShouldBeEmpty("a task finished before the kill went to the model again");
        seedsDuringResume.Order().ShouldBe(unfinishedSeeds.Order(), "each task unfinished at the kill should go to the model exactly once");

        await using (var db = workspace.Db())
        {
            var run = await db.GenerationRuns.AsNoTracking().SingleAsync();
            var tasks = await db.GenerationTasks.AsNoTracking().Where(t => t.RunId == runId).ToListAsync();
            var variants = await db.Variants.AsNoTracking().Where(v => v.RunId == runId).ToListAsync();
            run.Status.ShouldBe(RunStatus.Completed, resume.ToString());
            tasks.Count.ShouldBe(total);
            tasks.ShouldAllBe(t => t.Status == GenerationTaskStatus.Done || t.Status == GenerationTaskStatus.NeedsAttention);
            tasks.ShouldAllBe(t => t.LeaseOwner == null && t.LeaseExpiresUtc == null);
            ShouldHoldOneVariantPerFinishedTask(tasks, variants);
            (run.DoneTasks + run.NeedsAttentionTasks).ShouldBe(total);
            variants.Select(v => v.Id).ToHashSet().IsSupersetOf(variantIdsBefore).ShouldBeTrue("a variant written before the kill was lost or replaced");
            return new CrashReport(total, variantsBefore, pendingAtKill, claimedAtKill, variants.Count, seedsDuringResume.Count, resume);
        }
    }

    /// <summary>The sample brief cut down to its first few segments and channels.</summary>
    internal static string SmallBrief(int segments, int channels)
    {
        var brief = JsonNode.Parse(File.ReadAllText(CliWorkspace.SampleBrief), documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!;
        brief["segmentKeys"] = new JsonArray([.. brief["segmentKeys"]!.AsArray().Take(segments).Select(n => n!.DeepClone())]);
        brief["channels"] = new JsonArray([.. brief["channels"]!.AsArray().Take(channels).Select(n => n!.DeepClone())]);
        return brief.ToJsonString();
    }

    /// <summary>A finished task has exactly one variant, an unfinished one none: task state and variant land in one transaction.</summary>
    static void ShouldHoldOneVariantPerFinishedTask(List<GenerationTask> tasks, List<Variant> variants)
    {
        var perTask = variants.GroupBy(v => v.TaskId).ToDictionary(g => g.Key, g => g.Count());
        perTask.Values.ShouldAllBe(n => n == 1);
        perTask.Keys.ShouldAllBe(id => tasks.Any(t => t.Id == id));
        foreach (var task in tasks)
        {
            var finished = task.Status is GenerationTaskStatus.Done or GenerationTaskStatus.NeedsAttention;
            perTask.ContainsKey(task.Id).ShouldBe(finished, $"task {task.Ordinal} is {task.Status}");
        }
    }

    /// <summary>Polls the database until <paramref name="condition"/> holds. The CLI is still migrating at first, so
    /// read errors just mean "not yet". Fails with the CLI's output if it exits or the wait runs out.</summary>
    static async Task WaitUntilAsync(CliProcess cli, Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + CliWorkspace.Timeout;
        Exception? lastError = null;
        while (DateTime.UtcNow < deadline)
        {
            cli.HasExited.ShouldBeFalse($"studio generate ended before it was killed:\n{cli.StdOut}\n{cli.StdErr}");
            try
            {
                if (await condition()) return;
            }
            catch (Exception e) { lastError = e; }
            await Task.Delay(PollEvery);
        }
        throw new TimeoutException($"the run never reached the kill point; last read error: {lastError?.Message}\n{cli.StdOut}\n{cli.StdErr}");
    }

    [GeneratedRegex(@"run (?<id>[0-9a-f-]{36})")]
    private static partial Regex RunIdPrinted();
}
