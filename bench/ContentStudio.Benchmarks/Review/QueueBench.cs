using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ContentStudio.Core.Campaigns;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Checks;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Data;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Review;
using ContentStudio.Core.Review.Queue;
using VariantContent = ContentStudio.Core.Kernel.VariantFields;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Benchmarks.Review;

/// <summary>`queue` mode: the review queue's targets on a real database with N variants (default 100,000):
/// the first queue page with filters (≤ 200 ms server time) and an approval (≤ 50 ms p95). Plain stopwatch timings
/// of the service calls, after a warm-up; BenchmarkDotNet would re-seed per job, which takes longer than the budget.
/// Usage: queue [variants] [sqlite|postgres "connection string"] [--keep] (--keep leaves the SQLite file and prints its
/// path, to look at query plans with sqlite3).</summary>
public static class QueueBench
{
    public static async Task RunAsync(string[] args)
    {
        var count = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 100_000;
        var provider = args.Length > 1 && args[1].StartsWith("postgres", StringComparison.OrdinalIgnoreCase) ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite;
        var dir = Path.Combine(Path.GetTempPath(), "cs-queue-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var connection = provider == DatabaseProvider.Sqlite ? $"Data Source={Path.Combine(dir, "bench.db")}" : args[2];

        var services = new ServiceCollection().AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .Configure<DatabaseOptions>(o => { o.Provider = provider; o.ConnectionString = connection; })
            .AddStudioData().AddGeneration().AddReview().BuildServiceProvider();
        await DatabaseInitializer.MigrateAsync(services);
        var seed = Stopwatch.StartNew();
        var campaigns = await SeedAsync(services.GetRequiredService<IDbContextFactory<StudioDbContext>>(), count);
        Console.WriteLine($"{provider}: seeded {count:N0} variants in {campaigns} campaigns in {seed.Elapsed.TotalSeconds:F1} s");
        if (provider == DatabaseProvider.PostgreSql)
        {
            // A server's autovacuum analyzes a table soon after a bulk load; measuring before it has would time plans
            // made without statistics, which no running studio sees. SQLite gathers none by itself, so it stays as is.
            await using var db = await services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }

        var queue = services.GetRequiredService<ReviewQueue>();
        var reviews = services.GetRequiredService<ReviewService>();
        Report("first page, no filter, priority order", await TimeAsync(30, () => queue.GetPageAsync(new QueueFilter())));
        Report("first page, lane Clean + brand + channel, priority", await TimeAsync(30, () => queue.GetPageAsync(
            new QueueFilter { Lane = QueueLane.Clean, Brand = "brand-1", Channel = ChannelKind.Email })));
        Report("first page, lane Needs review, oldest first", await TimeAsync(30, () => queue.GetPageAsync(
            new QueueFilter { Lane = QueueLane.NeedsReview, Sort = QueueSort.Age })));
        Report("first page, all lanes, oldest first", await TimeAsync(30, () => queue.GetPageAsync(new QueueFilter { Sort = QueueSort.Age })));
        Report("first page, lane Blocked, oldest first", await TimeAsync(30, () => queue.GetPageAsync(
            new QueueFilter { Lane = QueueLane.Blocked, Sort = QueueSort.Age })));
        Report("page 200, no filter, priority order", await TimeAsync(10, () => queue.GetPageAsync(new QueueFilter { Page = 200 })));

        var approver = new StudioUser("bench-manager", "Bench manager", StudioRoles.BrandManager);
        var toApprove = (await queue.GetPageAsync(new QueueFilter { Lane = QueueLane.Clean, State = ReviewState.InReview })).Items
            .Concat((await queue.GetPageAsync(new QueueFilter { Lane = QueueLane.Clean, State = ReviewState.InReview, Page = 2 })).Items).ToList();
        var i = 0; toApprove = toApprove.Take(100).ToList();
        Report($"approve (one transaction with audit event), {toApprove.Count} items",
            await TimeAsync(Math.Min(toApprove.Count, 100) - 5, () => reviews.ApproveAsync(toApprove[i].VariantId, toApprove[i++].ContentHash, approver), warmUp: 5,
                warm: () => { var w = toApprove[i++]; return reviews.ApproveAsync(w.VariantId, w.ContentHash, approver); }));
        var claimable = (await queue.GetPageAsync(new QueueFilter { Lane = QueueLane.NeedsReview })).Items;
        var c = 0;
        Report("claim", await TimeAsync(claimable.Count, () => services.GetRequiredService<QueueClaims>().ClaimAsync(claimable[c++].VariantId, approver), warmUp: 0));

        await services.DisposeAsync();
        if (provider == DatabaseProvider.Sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (args.Contains("--keep")) Console.WriteLine($"kept {Path.Combine(dir, "bench.db")}");
            else Directory.Delete(dir, true);
        }
    }

    private static async Task<int> SeedAsync(IDbContextFactory<StudioDbContext> factory, int count)
    {
        var rng = new Random(42);
        var start = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        var campaigns = Math.Max(1, count / 500);
        var states = new[] { ReviewState.Generated, ReviewState.InReview, ReviewState.InReview, ReviewState.InReview, ReviewState.Approved, ReviewState.ChangesRequested };
        var channels = new[] { ChannelKind.Email, ChannelKind.Sms, ChannelKind.Push };
        var segments = new[] { "students", "retirees", "young-professionals", "families" };
        for (var ci = 0; ci < campaigns; ci++)
        {
            await using var db = await factory.CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var impact = ci % 5 + 1;
            var campaign = new Campaign { Name = $"Campaign {ci}", BrandSlug = $"brand-{ci % 7}", Brief = new CampaignBrief { Name = $"Campaign {ci}" },
                BusinessImpact = impact, DeadlineUtc = ci % 3 == 0 ? null : start.AddDays(30 + ci % 40), CreatedUtc = start, CreatedBy = "bench-author" };
            var run = new GenerationRun { CampaignId = campaign.Id, CreatedBy = "bench-author", CreatedUtc = start, Status = RunStatus.Completed };
            db.Campaigns.Add(campaign);
            db.GenerationRuns.Add(run);
            var perCampaign = ci == campaigns - 1 ? count - ci * (count / campaigns) : count / campaigns;
            for (var k = 0; k < perCampaign; k++)
            {
                var task = new GenerationTask { RunId = run.Id, Ordinal = k, SegmentKey = segments[k % 4], Channel = channels[k % 3], VariantIndex = k,
                    Status = GenerationTaskStatus.Done };
                var fields = new Dictionary<string, string> { ["subject"] = $"Subject {ci}-{k}", ["body"] = $"Body text of variant {k} in campaign {ci}." };
                var gate = rng.Next(10) switch { < 6 => Gate.Clean, < 9 => Gate.NeedsReview, _ => Gate.Blocked };
                db.GenerationTasks.Add(task);
                db.Variants.Add(new Variant
                {
                    TaskId = task.Id, CampaignId = campaign.Id, RunId = run.Id, SegmentKey = task.SegmentKey, Channel = task.Channel,
                    VariantIndex = k, FieldsJson = VariantFields.CanonicalJson(fields), ContentHash = VariantFields.Hash(fields),
                    Outcome = VariantOutcome.Ok, CheckGate = gate, CheckScore = 70 + rng.Next(30), ReviewState = states[rng.Next(states.Length)],
                    CreatedUtc = start.AddMinutes(rng.Next(40_000)),
                });
            }
            run.TotalTasks = run.DoneTasks = perCampaign;
            await db.SaveChangesAsync();
        }
        return campaigns;
    }

    private static async Task<double[]> TimeAsync(int runs, Func<Task> action, int warmUp = 3, Func<Task>? warm = null)
    {
        for (var w = 0; w < warmUp; w++) await (warm ?? action)();
        var times = new double[runs];
        for (var r = 0; r < runs; r++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            times[r] = watch.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return times;
    }

    private static void Report(string what, double[] sorted) =>
        Console.WriteLine($"  {what}: median {sorted[sorted.Length / 2]:F1} ms, p95 {sorted[(int)Math.Ceiling(sorted.Length * 0.95) - 1]:F1} ms, max {sorted[^1]:F1} ms (n={sorted.Length})");
}
