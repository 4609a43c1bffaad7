using System.Diagnostics;
using ContentStudio.Core.Data;
using ContentStudio.Core.Generation;
using Microsoft.EntityFrameworkCore;
using ContentStudio.Core.Kernel;

namespace ContentStudio.Benchmarks.WallClock;

/// <summary>One timed run: from starting the runs (tasks stored) until the engine is idle and every run is closed.</summary>
internal sealed record RunMeasurement(
    int Variants, int Ok, int NeedsAttention, TimeSpan StartRuns, TimeSpan Generate, TimeSpan Cpu, long AllocatedBytes, long PeakWorkingSet)
{
    public TimeSpan Wall => StartRuns + Generate;
    public double VariantsPerSecond => Variants / Wall.TotalSeconds;

    /// <summary>Starts the runs of <paramref name="campaigns"/>, works them with the engine until idle, and checks
    /// that every variant landed in the database and every run is closed (a benchmark that lost work would lie).</summary>
    public static async Task<RunMeasurement> TakeAsync(BenchStudio studio, IReadOnlyList<Guid> campaigns, int expected)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var runs = await studio.StartRunsAsync(campaigns);
        var started = clock.Elapsed;
        var processed = await studio.Get<GenerationEngine>().RunUntilIdleAsync();
        var generate = clock.Elapsed - started;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime - cpuBefore;

        await using var db = await studio.Get<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        var outcomes = await db.Variants.Where(v => runs.Contains(v.RunId)).GroupBy(v => v.Outcome)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var open = await db.GenerationRuns.CountAsync(r => runs.Contains(r.Id) && r.Status != RunStatus.Completed);
        var saved = outcomes.Values.Sum();
        if (saved != expected || processed != expected || open != 0)
            throw new InvalidOperationException($"Expected {expected} variants; the engine processed {processed}, {saved} were saved, {open} run(s) not completed.");
        return new RunMeasurement(saved, outcomes.GetValueOrDefault(VariantOutcome.Ok), outcomes.GetValueOrDefault(VariantOutcome.NeedsAttention),
            started, generate, cpu, allocated, process.PeakWorkingSet64);
    }

    public string Line(int number) =>
        $"{(number == 0 ? "warm-up (cold start)" : $"run {number}")}: {Wall.TotalSeconds,6:F2} s wall ({StartRuns.TotalMilliseconds:F0} ms storing tasks, {Generate.TotalSeconds:F2} s generating), " +
        $"{VariantsPerSecond,7:F1} variants/s, {Cpu.TotalSeconds:F2} s CPU, {Ok} ok / {NeedsAttention} needs attention, allocated {Mib(AllocatedBytes)}, peak working set {Mib(PeakWorkingSet)}";

    public static string Mib(long bytes) => $"{bytes / (1024.0 * 1024.0):F0} MiB";

    public static RunMeasurement Median(IReadOnlyList<RunMeasurement> runs) => runs.OrderBy(r => r.Wall).ElementAt(runs.Count / 2);
}

/// <summary>What the reports print about the machine, so numbers are never read without it.</summary>
internal static class Machine
{
    public static string Describe()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"{Environment.ProcessorCount} logical CPUs ({cpu ?? "unknown CPU"}), {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, " +
               $".NET {Environment.Version}, {(IsRelease ? "Release" : "DEBUG build: numbers are not representative")}, {LoadAverage()}";
    }

    /// <summary>Other work on the machine slows every number down: say how busy it was.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? $"load average {string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3))}" : "load average unknown";

#if DEBUG
    public const bool IsRelease = false;
#else
    public const bool IsRelease = true;
#endif
}
