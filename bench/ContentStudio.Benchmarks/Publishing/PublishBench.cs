using ContentStudio.Testing;
using System.Diagnostics;
using ContentStudio.Benchmarks.WallClock;
using ContentStudio.Core.Campaigns;
using ContentStudio.Core.Channels;
using ContentStudio.Core.Configuration;
using ContentStudio.Core.Data;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Publishing;
using ContentStudio.Core.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Benchmarks.Publishing;

/// <summary>`publish` mode: N variants approved through the review workflow, queued for one webhook target in one
/// PublishAsync call, then sent by several dispatchers at once to a loopback receiver that verifies every signature.
/// Prints each phase's time, the send throughput and the duplicates (which must be 0). Exit 0 when every delivery
/// arrived exactly once, signed, and every variant ended Published; 1 otherwise; 2 on a usage error.</summary>
internal static class PublishBench
{
    public const string PostgresVariable = "STUDIO_BENCH_POSTGRES";
    public const string Usage = $"""
        Usage:
          dotnet run -c Release --project bench/ContentStudio.Benchmarks -- publish [--deliveries 1000] [--provider sqlite|postgres]
                                                                            [--dispatchers 2] [--concurrency 8] [--batch 32]
        SQLite: a fresh database in a temp folder. PostgreSQL: an empty database named by the connection string in the
        environment variable {PostgresVariable} (e.g. "Host=127.0.0.1;Port=5432;Username=postgres;Database=bench"); the
        bench migrates it and adds rows (a new campaign and target each time), so point it at a throwaway database.
        --concurrency and --batch are Publishing:WorkerConcurrency and Publishing:BatchSize of each dispatcher.
        """;

    const string Secret = "bench-signing-secret-0123456789";
    // A new target per invocation, so the bench can run again on the same PostgreSQL database.
    static readonly string HookName = "bench-hook-" + Guid.NewGuid().ToString("N")[..8];
    static readonly StudioUser Approver = new("bench-manager@example.com", "Bench manager", StudioRoles.BrandManager);
    static readonly StudioUser Admin = new("bench-admin@example.com", "Bench admin", StudioRoles.Admin);

    sealed record Options(int Deliveries, DatabaseProvider Provider, int Dispatchers, int Concurrency, int Batch);

    public static async Task<int> RunAsync(string[] args)
    {
        Options o;
        string connection;
        try
        {
            o = Parse(args);
            connection = o.Provider == DatabaseProvider.PostgreSql
                ? Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs ? cs
                    : throw new ArgumentException($"--provider postgres needs a connection string in the environment variable {PostgresVariable}.")
                : "";
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }
        var folder = Path.Combine(Path.GetTempPath(), "cs-publish-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        if (o.Provider == DatabaseProvider.Sqlite) connection = $"Data Source={Path.Combine(folder, "bench.db")}";
        Console.WriteLine($"publish: {o.Deliveries} webhook deliveries, {o.Provider}, {o.Dispatchers} dispatchers × {o.Concurrency} concurrent (batch {o.Batch})");
        Console.WriteLine($"machine: {Machine.Describe()}");

        await using var receiver = await WebhookReceiver.StartAsync(Secret);
        var services = Services(o, connection, folder);
        try
        {
            await DatabaseInitializer.MigrateAsync(services);
            var total = Stopwatch.StartNew();
            var ids = await SeedAsync(services.GetRequiredService<IDbContextFactory<StudioDbContext>>(), o.Deliveries);

            var phase = Stopwatch.StartNew();
            var reviews = services.GetRequiredService<ReviewService>();
            foreach (var (id, hash) in ids) await reviews.ApproveAsync(id, hash, Approver);
            var approve = phase.Elapsed;

            phase.Restart();
            var target = await services.GetRequiredService<PublishTargets>().AddWebhookAsync(HookName, receiver.Url.ToString(), Admin);
            var queued = await services.GetRequiredService<PublishingService>().PublishAsync(ids.Select(x => x.Id).ToList(), target.Id, Approver);
            var queue = phase.Elapsed;

            phase.Restart();
            var results = await Task.WhenAll(Enumerable.Range(0, o.Dispatchers)
                .Select(_ => ActivatorUtilities.CreateInstance<OutboxDispatcher>(services).DrainAsync()));
            var send = phase.Elapsed;
            total.Stop();

            await using var db = await services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
            var seeded = ids.Select(x => x.Id).ToList();
            var published = await db.Variants.CountAsync(v => seeded.Contains(v.Id) && v.ReviewState == ReviewState.Published);
            var sent = results.Sum(r => r.Sent);
            Console.WriteLine($"approve {o.Deliveries} (review workflow, one audited transaction each): {approve.TotalSeconds:F2} s");
            Console.WriteLine($"queue {queued.Queued.Count} (render + sanitise + one transaction): {queue.TotalSeconds:F2} s");
            Console.WriteLine($"send {sent} (claim, send-time approval check, HTTP, receipt + Published + audit event): {send.TotalSeconds:F2} s " +
                              $"= {sent / send.TotalSeconds:F0} deliveries/s (per dispatcher: {string.Join(", ", results.Select(r => r.Sent))})");
            var (requests, distinct, badSignatures) = (receiver.Requests.Count, receiver.Processed.Count, receiver.Requests.Count(r => !r.SignatureValid));
            Console.WriteLine($"receiver: {requests} requests, {distinct} distinct delivery ids, duplicates {receiver.DuplicatesIgnored}, " +
                              $"bad signatures {badSignatures}; variants Published {published}; retried {results.Sum(r => r.Retrying)}, dead {results.Sum(r => r.Dead)}");
            Console.WriteLine($"elapsed (approve + queue + send): {total.Elapsed.TotalSeconds:F2} s; {Machine.LoadAverage()}");
            var ok = distinct == o.Deliveries && receiver.DuplicatesIgnored == 0 && badSignatures == 0 && published == o.Deliveries;
            if (!ok) Console.WriteLine("FAILED: expected every delivery exactly once, signed, and every variant Published");
            return ok ? 0 : 1;
        }
        finally
        {
            await services.DisposeAsync();
            if (o.Provider == DatabaseProvider.Sqlite) Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    static Options Parse(ReadOnlySpan<string> args)
    {
        var o = new Options(1000, DatabaseProvider.Sqlite, 2, 8, 32);
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Length) throw new ArgumentException($"Option '{name}' needs a value after it.");
            var text = args[++i];
            if (name == "--provider")
            {
                o = o with
                {
                    Provider = text.ToLowerInvariant() switch
                    {
                        "sqlite" => DatabaseProvider.Sqlite,
                        "postgres" or "postgresql" => DatabaseProvider.PostgreSql,
                        _ => throw new ArgumentException($"--provider must be sqlite or postgres (got '{text}')."),
                    },
                };
                continue;
            }
            if (!int.TryParse(text, out var value) || value < 1) throw new ArgumentException($"Option '{name}' needs a whole number of at least 1 (got '{text}').");
            o = name switch
            {
                "--deliveries" => o with { Deliveries = value },
                "--dispatchers" => o with { Dispatchers = value },
                "--concurrency" when value <= 64 => o with { Concurrency = value },
                "--batch" when value <= 500 => o with { Batch = value },
                "--concurrency" or "--batch" => throw new ArgumentException($"{name} is out of range (Publishing allows concurrency ≤ 64, batch ≤ 500)."),
                _ => throw new ArgumentException($"Unknown option '{name}' for 'publish'."),
            };
        }
        return o;
    }

    static ServiceProvider Services(Options o, string connection, string folder)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"Publishing:Secrets:{HookName}"] = Secret,
        }).Build();
        var services = new ServiceCollection()
            // EF logs the first look for its migrations table on a new database as an error; everything else shows.
            .AddLogging(b => b.AddSimpleConsole(c => c.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
                .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Critical))
            .AddSingleton<IConfiguration>(configuration)
            .Configure<DatabaseOptions>(d => { d.Provider = o.Provider; d.ConnectionString = connection; })
            .AddStudioData().AddReview().AddPublishing()
            .AddSingleton<IApprovalEvidenceSource, ReviewApprovalEvidence>()
            .Configure<PublishingOptions>(p =>
            {
                p.AllowLoopbackTargets = true; p.BatchSize = o.Batch; p.WorkerConcurrency = o.Concurrency; p.LeaseSeconds = 60;
                p.RequestTimeoutSeconds = 15; p.PollIntervalMilliseconds = 20; p.ExportRoot = Path.Combine(folder, "exports");
            });
        return services.BuildServiceProvider();
    }

    /// <summary>One campaign, one run by a marketer, N variants in review (checks clean), stored in one transaction.</summary>
    static async Task<List<(Guid Id, string Hash)>> SeedAsync(IDbContextFactory<StudioDbContext> factory, int count)
    {
        await using var db = await factory.CreateDbContextAsync();
        var now = DateTime.UtcNow;
        var campaign = new Campaign { Name = "Publish bench", BrandSlug = "lumen-coffee", Brief = new CampaignBrief { Name = "Publish bench" }, CreatedUtc = now, CreatedBy = "bench-marketer" };
        var run = new GenerationRun { CampaignId = campaign.Id, Status = RunStatus.Completed, TotalTasks = count, DoneTasks = count, CreatedBy = "bench-marketer", CreatedUtc = now };
        db.Campaigns.Add(campaign);
        db.GenerationRuns.Add(run);
        var ids = new List<(Guid, string)>();
        for (var i = 0; i < count; i++)
        {
            var channel = i % 2 == 0 ? ChannelKind.Email : ChannelKind.Sms;
            var task = new GenerationTask { RunId = run.Id, Ordinal = i, SegmentKey = "regulars", Channel = channel, VariantIndex = i, Status = GenerationTaskStatus.Done };
            var fields = new Dictionary<string, string> { ["subject"] = $"Fresh beans, #{i}", ["body"] = $"**Lumen Coffee**: your first bag is half price. [Start](https://lumen.example/start?v={i})" };
            var variant = new Variant
            {
                TaskId = task.Id, CampaignId = campaign.Id, RunId = run.Id, SegmentKey = task.SegmentKey, Channel = channel, VariantIndex = i,
                FieldsJson = VariantFields.CanonicalJson(fields), ContentHash = VariantFields.Hash(fields), ReviewState = ReviewState.InReview,
                Outcome = VariantOutcome.Ok, CheckGate = ContentStudio.Core.Checks.Gate.Clean, CheckScore = 97, CreatedUtc = now,
                TemplateName = "email", TemplateVersion = "1", Provider = "Offline", Model = "offline-composer",
            };
            db.GenerationTasks.Add(task);
            db.Variants.Add(variant);
            ids.Add((variant.Id, variant.ContentHash));
        }
        await db.SaveChangesAsync();
        return ids;
    }
}
