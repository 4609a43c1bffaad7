using System.Text.Json;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Generation;
using ContentStudio.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContentStudio.Integration.Tests.Cli;

/// <summary>`studio generate` as a user runs it: a real process, the offline composer, a fresh SQLite file.</summary>
public sealed class GenerateCommandTests : IDisposable
{
    readonly CliWorkspace _workspace = CliWorkspace.Sqlite();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task GeneratesOneVariantPerSegmentChannelAndVariantOfTheSampleBrief()
    {
        var expected = PlannedTasks(CliWorkspace.SampleBrief);

        var result = await _workspace.RunAsync("generate", "--brief", CliWorkspace.SampleBrief, "--quiet");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.StdOut.ShouldContain($"{expected} variants written, 0 need attention, 0 cancelled, of {expected}", Case.Sensitive, result.ToString());
        File.Exists(_workspace.SqlitePath).ShouldBeTrue();
        await using var db = _workspace.Db();
        var run = await db.GenerationRuns.AsNoTracking().SingleAsync();
        run.Status.ShouldBe(RunStatus.Completed);
        (await db.GenerationTasks.CountAsync(t => t.RunId == run.Id)).ShouldBe(expected);
        (await db.GenerationTasks.CountAsync(t => t.RunId == run.Id && t.Status == GenerationTaskStatus.Done)).ShouldBe(expected);
        (await db.Variants.CountAsync()).ShouldBe(expected);
        (await db.Variants.Select(v => v.TaskId).Distinct().CountAsync()).ShouldBe(expected);
        (await db.Variants.CountAsync(v => !db.GenerationTasks.Any(t => t.Id == v.TaskId && t.RunId == run.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task RejectsABriefWithAMisspelledFieldNamingFileLineAndField()
    {
        var text = File.ReadAllText(CliWorkspace.SampleBrief).Replace("\"channels\":", "\"chanels\":");
        var brief = _workspace.WriteFile("brief-typo.json", text);
        var line = text.Split('\n').ToList().FindIndex(l => l.Contains("\"chanels\"")) + 1;

        var result = await _workspace.RunAsync("generate", "--brief", brief, "--quiet");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.StdErr.ShouldContain($"brief-typo.json:{line}:", Case.Sensitive, result.ToString());
        result.StdErr.ShouldContain("'chanels'", Case.Sensitive, result.ToString());
        await using var db = _workspace.Db();
        (await db.Campaigns.CountAsync()).ShouldBe(0); // nothing stored for a brief that did not load
    }

    [Fact]
    public async Task WithNeitherBriefNorResumeExitsTwoWithTheUsage()
    {
        // A usage error is reported before any sign-in or database work, so the workspace creates no user (and no file) here.
        _workspace.SignedIn = false;
        var result = await _workspace.RunAsync("generate", "--quiet");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.StdErr.ShouldContain("Give either --brief FILE", Case.Sensitive, result.ToString());
        result.StdErr.ShouldContain("studio generate [options]", Case.Sensitive, result.ToString());
        File.Exists(_workspace.SqlitePath).ShouldBeFalse(); // rejected before any work
    }

    [Fact]
    public async Task ResumingWithARunIdThatIsNotAGuidExitsTwoNamingTheOption()
    {
        var result = await _workspace.RunAsync("generate", "--resume", "run-42");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.StdErr.ShouldContain("'run-42'", Case.Sensitive, result.ToString());
        result.StdErr.ShouldContain("--resume", Case.Sensitive, result.ToString());
        result.StdErr.ShouldNotContain("Unhandled exception", Case.Sensitive, result.ToString());
    }

    [Fact]
    public async Task ResumingARunThatDoesNotExistExitsTwo()
    {
        var missing = Guid.NewGuid();
        var result = await _workspace.RunAsync("generate", "--resume", missing.ToString(), "--quiet");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.StdErr.ShouldContain($"run {missing} does not exist", Case.Sensitive, result.ToString());
    }

    [Fact]
    public async Task ResumingACancelledRunExitsOneBecauseItsTasksHaveNoVariants()
    {
        GenerationRun run;
        // The test's studio and the CLI are two processes on one database: they share the audit chain key.
        const string chainKey = "resume-test-one-key-for-both-processes-0123";
        _workspace.Environment["Audit__ChainKey"] = chainKey;
        await using (var studio = await TestStudio.StartAsync(DatabaseProvider.Sqlite, _workspace.ConnectionString,
            services: s => s.Configure<Core.Audit.AuditOptions>(o => o.ChainKey = chainKey)))
        {
            var runs = studio.Get<GenerationService>();
            run = await runs.StartRunAsync((await studio.CampaignAsync()).Id);
            (await runs.CancelAsync(run.Id, TestStudio.Marketer)).ShouldBeTrue();
        }

        var result = await _workspace.RunAsync("generate", "--resume", run.Id.ToString(), "--quiet");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.StdOut.ShouldContain($"0 variants written, 0 need attention, {run.TotalTasks} cancelled, of {run.TotalTasks}", Case.Sensitive, result.ToString());
    }

    /// <summary>segments × channels × variants, read from the brief itself.</summary>
    static int PlannedTasks(string briefPath)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(briefPath), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var root = doc.RootElement;
        return root.GetProperty("segmentKeys").GetArrayLength() * root.GetProperty("channels").GetArrayLength()
               * root.GetProperty("variantsPerSegment").GetInt32();
    }
}
