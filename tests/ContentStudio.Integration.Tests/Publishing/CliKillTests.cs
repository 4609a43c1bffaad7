using static ContentStudio.Testing.People;
using ContentStudio.Testing;
using System.Diagnostics;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Publishing;
using ContentStudio.Core.Review;
using ContentStudio.Integration.Tests.Cli;
using ContentStudio.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Integration.Tests.Publishing;

/// <summary>Issue "Publishing": the real `studio publish run` as a child process, hard-killed (SIGKILL to the process
/// tree) while a batch of webhook deliveries is in flight to a slow receiver on loopback, then `studio publish run
/// --drain` in a new process once the dead process's leases have run out. Every approval arrives exactly once in effect
/// (distinct delivery ids), a delivery whose receipt was recorded is never sent again, only deliveries in flight at the
/// kill may arrive twice (same id), every signature verifies, and copy whose approval was voided is never sent.</summary>
public static class CliKillScenario
{
    const int Approvals = 40;
    const int Voided = 5;
    const int Concurrency = 4;

    public static async Task<string> RunAsync(CliWorkspace workspace, ITestOutputHelper output)
    {
        var clock = Stopwatch.StartNew();
        await using var receiver = await WebhookReceiver.StartAsync(PublishingStudio.Secret);
        receiver.AcceptDelay = TimeSpan.FromMilliseconds(200); // a slow partner: the batch is still in flight at the kill
        foreach (var (key, value) in new Dictionary<string, string>
                 {
                     ["Publishing__AllowLoopbackTargets"] = "true",
                     [$"Publishing__Secrets__{PublishingStudio.HookName}"] = PublishingStudio.Secret,
                     // A short lease so the resume takes over the killed process's claims soon (it must exceed the request
                     // timeout), and a timeout 15 times the receiver's answer time, so a loaded machine causes no retries.
                     ["Publishing__LeaseSeconds"] = "4", ["Publishing__RequestTimeoutSeconds"] = "3",
                     // One batch of 16 claimed at once, 4 sent at a time: a kill after 6 arrivals leaves claimed rows behind.
                     ["Publishing__BatchSize"] = "16", ["Publishing__WorkerConcurrency"] = Concurrency.ToString(),
                     ["Publishing__PollIntervalMilliseconds"] = "100", ["Publishing__BaseDelaySeconds"] = "0.05", ["Publishing__MaxDelaySeconds"] = "0.5",
                 })
            workspace.Environment[key] = value;

        // The studio's side: approvals through the review workflow, queued through the publishing service.
        Directory.CreateDirectory(workspace.DataPath);
        await using var studio = await PublishingStudio.StartAsync(workspace.Provider, workspace.ConnectionString, null, reviewApprovals: true,
            dataFolder: workspace.DataPath);
        var (_, variants) = await studio.SeedAsync(Approvals + Voided, approve: false, state: ReviewState.InReview);
        var reviews = studio.Get<ReviewService>();
        foreach (var v in variants) await reviews.ApproveAsync(v.Id, v.ContentHash, Bree);
        var target = await studio.WebhookAsync(receiver.Url);
        (await studio.Get<PublishingService>().PublishAsync(variants.Select(v => v.Id).ToList(), target.Id, Bree)).Queued.Count.ShouldBe(Approvals + Voided);
        var voided = variants.TakeLast(Voided).Select(v => v.Id).ToHashSet();
        await using (var db = studio.Db())
            foreach (var v in await db.Variants.AsNoTracking().Where(v => voided.Contains(v.Id)).ToListAsync())
                await reviews.EditAsync(v.Id, new Dictionary<string, string>(v.Fields) { ["body"] = "Edited after it was queued" }, v.ConcurrencyToken, Mark);
        var approved = variants.Take(Approvals).Select(v => v.Id).ToHashSet();

        var seeded = clock.Elapsed;
        Dictionary<Guid, OutboxStatus> atKill;
        int processedAtKill;
        using (var first = workspace.Start("publish", "run"))
        {
            var deadline = DateTime.UtcNow + CliWorkspace.Timeout;
            while (receiver.Processed.Count < 6)
            {
                first.HasExited.ShouldBeFalse($"studio publish run ended before it was killed:\n{first.StdOut}\n{first.StdErr}");
                (DateTime.UtcNow < deadline).ShouldBeTrue($"no delivery arrived:\n{first.StdOut}\n{first.StdErr}");
                await Task.Delay(10);
            }
            first.Kill(); // SIGKILL to the whole tree, then waits until it is gone
            processedAtKill = receiver.Processed.Count;
            atKill = (await studio.OutboxAsync()).ToDictionary(m => m.Id, m => m.Status);
        }
        processedAtKill.ShouldBeLessThan(Approvals, "the kill came too late: everything had arrived");
        atKill.Values.Count(s => s == OutboxStatus.Sent).ShouldBeLessThan(Approvals);
        var inFlightAtKill = atKill.Where(p => p.Value == OutboxStatus.Sending).Select(p => p.Key.ToString()).ToHashSet();
        inFlightAtKill.Count.ShouldBeGreaterThan(0, "the kill should land mid-batch, with claimed deliveries left behind");
        var sentAtKill = atKill.Where(p => p.Value == OutboxStatus.Sent).Select(p => p.Key.ToString()).ToHashSet();
        var requestsBeforeResume = receiver.Requests.Count;
        var killed = clock.Elapsed;

        var resume = await workspace.RunAsync("publish", "run", "--drain");
        resume.ExitCode.ShouldBe(0, resume.ToString());

        // Effectively exactly once: one processed delivery id per approval, none for voided copy.
        var requests = receiver.Requests;
        receiver.Processed.Count.ShouldBe(Approvals, resume.ToString());
        receiver.Processed.Values.ToHashSet().SetEquals(approved).ShouldBeTrue();
        requests.Select(r => r.DeliveryId).Distinct().Count().ShouldBe(Approvals);
        requests.ShouldAllBe(r => r.SignatureValid);
        requests.ShouldNotContain(r => voided.Contains(r.VariantId));
        requests.GroupBy(r => r.VariantId).ShouldAllBe(g => g.Select(r => r.DeliveryId).Distinct().Count() == 1);
        // A repeat is only ever a delivery that was in flight (claimed, receipt not yet recorded) when the process died.
        var repeated = requests.GroupBy(r => r.DeliveryId).Where(g => g.Count() > 1).ToList();
        repeated.ShouldAllBe(g => g.Count() == 2 && inFlightAtKill.Contains(g.Key));
        requests.Where(r => sentAtKill.Contains(r.DeliveryId)).Count().ShouldBe(sentAtKill.Count, "a delivery with a recorded receipt was sent again");
        (requests.Count - Approvals).ShouldBe(repeated.Count);

        var outbox = await studio.OutboxAsync();
        outbox.Where(m => approved.Contains(m.VariantId)).ShouldAllBe(m => m.Status == OutboxStatus.Sent && m.LeaseOwner == null);
        outbox.Where(m => voided.Contains(m.VariantId)).ShouldAllBe(m => m.Status == OutboxStatus.Cancelled);
        await using (var db = studio.Db())
        {
            var states = await db.Variants.AsNoTracking().Select(v => new { v.Id, v.ReviewState }).ToListAsync();
            states.Where(v => approved.Contains(v.Id)).ShouldAllBe(v => v.ReviewState == ReviewState.Published);
            states.Where(v => voided.Contains(v.Id)).ShouldAllBe(v => v.ReviewState == ReviewState.InReview);
        }
        var report = $"{workspace.Provider}: killed with {processedAtKill} of {Approvals} processed, {inFlightAtKill.Count} in flight; " +
                     $"{requestsBeforeResume} requests before the resume, {requests.Count} in all ({repeated.Count} repeats of an in-flight id); " +
                     $"seeded at {seeded.TotalSeconds:F1} s, killed at {killed.TotalSeconds:F1} s, done at {clock.Elapsed.TotalSeconds:F1} s\n{resume}";
        output.WriteLine(report);
        return report;
    }
}

public sealed class CliKillTests(ITestOutputHelper output)
{
    [Fact]
    public async Task AHardKilledPublishRunResumesToExactlyOneEffectiveDeliveryPerApprovalOnSqlite()
    {
        using var workspace = CliWorkspace.Sqlite();
        await CliKillScenario.RunAsync(workspace, output);
    }
}

[Collection(PostgresCollection.Name)]
public sealed class CliKillOnPostgresTests(PostgresServer postgres, ITestOutputHelper output)
{
    [Fact]
    public async Task AHardKilledPublishRunResumesToExactlyOneEffectiveDeliveryPerApprovalOnPostgres()
    {
        using var workspace = CliWorkspace.Postgres(await postgres.CreateDatabaseAsync("cli_publish_kill"));
        await CliKillScenario.RunAsync(workspace, output);
    }
}
