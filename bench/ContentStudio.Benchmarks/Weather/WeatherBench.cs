using ContentStudio.Testing;
using System.Diagnostics;
using System.Globalization;
using ContentStudio.Benchmarks.WallClock;
using ContentStudio.Core.Data;
using ContentStudio.Core.Generation;
using ContentStudio.Core.Kernel;
using ContentStudio.Core.Llm;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace ContentStudio.Benchmarks.Weather;

/// <summary>`weather [--tasks 200] [--outage-seconds 60] [--latency-ms 200]`: the product's default settings against a
/// provider with an ordinary busy day (30% 429 with Retry-After 1–2 s, 5% 500, 2% hangs), then against one that is down
/// for a minute and recovers. Both runs are worked by the background worker, as in the web app. Reports what was stored,
/// lost or doubled, and how busy the model slots were while there was work the provider would take.</summary>
internal static class WeatherBench
{
    public const double TargetSlotUse = 0.70;

    public static async Task<int> RunAsync(string[] args)
    {
        int tasks = 200, outageSeconds = 60, latencyMs = 200;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--tasks": tasks = value; break;
                case "--outage-seconds": outageSeconds = value; break;
                case "--latency-ms": latencyMs = value; break;
                default: Console.Error.WriteLine($"Unknown option '{args[i]}' for 'weather'."); return 2;
            }
        }
        var layout = BenchLayout.For(tasks);
        Console.WriteLine($"weather: product defaults (Llm:MaxConcurrency 8, Generation:WorkerConcurrency 32), {latencyMs} ms per good answer, SQLite, {layout.Describe()}");
        Console.WriteLine($"machine: {Machine.Describe()}");
        var latency = TimeSpan.FromMilliseconds(latencyMs);
        // Hangs outlast the default 60 s attempt timeout, so each costs what a real one would.
        var good = FakeReply.ForPrompt(latency);
        await using (var busy = await FakeOpenAiServer.StartAsync())
        {
            busy.Faults = new FakeFaultMix(good) { RateLimited = 0.30, RetryAfter = "1", RetryAfterMaxSeconds = 2, ServerError = 0.05, Hang = 0.02,
                HangFor = TimeSpan.FromSeconds(120) };
            await MeasureAsync("busy provider", busy, layout);
        }
        if (outageSeconds == 0) return 0;
        await using (var down = await FakeOpenAiServer.StartAsync())
        {
            down.Faults = new FakeFaultMix(good) { Outage = TimeSpan.FromSeconds(outageSeconds) };
            return await MeasureAsync($"{outageSeconds} s outage", down, layout) ? 0 : 1;
        }
    }

    static async Task<bool> MeasureAsync(string name, FakeOpenAiServer server, BenchLayout layout)
    {
        await using var studio = await BenchStudio.StartAsync(new Dictionary<string, string?>
        {
            ["Llm:Provider"] = "OpenAICompatible",
            ["Llm:Endpoint"] = server.BaseUri.ToString(),
            ["Llm:Model"] = "fake-model",
            ["Checks:JudgesEnabled"] = "false",
            ["Generation:WorkerEnabled"] = "true",
        });
        var throttle = studio.Get<IChatClient>().GetService<ProviderThrottle>()!;
        var campaigns = await studio.CreateCampaignsAsync(layout);
        var clock = Stopwatch.StartNew();
        var runs = await studio.StartRunsAsync(campaigns);
        using var worker = ActivatorUtilities.CreateInstance<GenerationWorker>(studio.Services);
        await worker.StartAsync(default);

        // Sampled every 100 ms: work is available when a task is ready to run (claimable, or claimed and waiting for a
        // slot) and no provider-wide Retry-After holds every caller.
        long samples = 0, availableSamples = 0, pausedSamples = 0;
        double inFlightSum = 0, clientSum = 0, allowedSum = 0, overall = 0, claimedSum = 0, waitingSum = 0, claimableSum = 0;
        var dbFactory = studio.Get<IDbContextFactory<StudioDbContext>>();
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            if (await db.GenerationRuns.CountAsync(r => runs.Contains(r.Id) && r.Status != RunStatus.Completed) == 0) break;
            var now = DateTime.UtcNow;
            var claimable = await db.GenerationTasks.CountAsync(t => runs.Contains(t.RunId) && t.Status == GenerationTaskStatus.Pending &&
                                                                     (t.NotBeforeUtc == null || t.NotBeforeUtc <= now));
            var claimed = await db.GenerationTasks.CountAsync(t => runs.Contains(t.RunId) && t.Status == GenerationTaskStatus.Claimed);
            var inFlight = server.InFlight;
            var waiting = throttle.Waiting;
            samples++;
            overall += inFlight;
            if (Environment.GetEnvironmentVariable("WEATHER_TRACE") is not null && samples % 5 == 0)
                Console.WriteLine($"    t={clock.Elapsed.TotalSeconds,5:F1} claimable={claimable,3} claimed={claimed,2} waiting={waiting} inflight(client)={throttle.InFlight} inflight(server)={inFlight} limit={throttle.Limit}");
            if (claimable > 0 || waiting > 0)
            {
                if (throttle.NotBefore > DateTimeOffset.UtcNow) pausedSamples++;
                else
                {
                    availableSamples++;
                    inFlightSum += inFlight;
                    clientSum += throttle.InFlight;
                    allowedSum += throttle.Limit;
                    claimedSum += claimed;
                    waitingSum += waiting;
                    claimableSum += claimable;
                }
            }
            await Task.Delay(100);
        }
        var wall = clock.Elapsed;
        var closedUtc = DateTime.UtcNow;
        await worker.StopAsync(default);

        await using var read = await dbFactory.CreateDbContextAsync();
        var variants = await read.Variants.Where(v => runs.Contains(v.RunId)).Select(v => new { v.TaskId, v.Outcome }).ToListAsync();
        var ok = variants.Count(v => v.Outcome == VariantOutcome.Ok);
        var lost = layout.TotalVariants - variants.Select(v => v.TaskId).Distinct().Count();
        var doubled = variants.Count - variants.Select(v => v.TaskId).Distinct().Count();
        var requeued = await read.GenerationTasks.Where(t => runs.Contains(t.RunId)).SumAsync(t => t.Requeues);
        var slotUse = availableSamples == 0 ? 0 : inFlightSum / availableSamples / throttle.MaxConcurrency;
        var allowedUse = allowedSum == 0 ? 0 : inFlightSum / allowedSum;
        var resumed = server.Faults?.OutageEndsUtc is { } end ? $", run closed {(closedUtc - end).TotalSeconds:F1} s after recovery" : "";
        Console.WriteLine($"{name}: {wall.TotalSeconds:F1} s, {ok}/{layout.TotalVariants} ok, {variants.Count - ok} needs attention, {lost} lost, {doubled} doubled, " +
                          $"{requeued} put back to wait{resumed}; {server.Describe()}; peak {server.PeakConcurrency} in flight (limit 8)");
        Console.WriteLine($"  slot use while work was available ({availableSamples} of {samples} samples): {slotUse:P0} of the 8 slots, " +
                          $"{allowedUse:P0} of the adaptive limit (mean limit {(availableSamples == 0 ? 0 : allowedSum / availableSamples):F1}); " +
                          $"over the whole run {overall / Math.Max(1, samples) / throttle.MaxConcurrency:P0}; {Machine.LoadAverage()}");
        double Mean(double sum) => availableSamples == 0 ? 0 : sum / availableSamples;
        Console.WriteLine($"  slot use while work was available, slots held by the client: {Mean(clientSum) / throttle.MaxConcurrency:P0} of the 8 " +
                          "(the gap to the server's count is requests written but not yet read: CPU time on a loaded machine)");
        Console.WriteLine($"  while work was available, on average: {Mean(inFlightSum):F1} calls in flight, {Mean(waitingSum):F1} tasks waiting for a slot, " +
                          $"{Mean(claimedSum):F1} tasks claimed (the rest of them backing off or in CPU work), {Mean(claimableSum):F1} claimable; " +
                          $"{pausedSamples} samples left out while the provider paused every caller");
        return ok == layout.TotalVariants && lost == 0 && doubled == 0;
    }
}
