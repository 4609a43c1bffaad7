using System.Globalization;

namespace ContentStudio.Benchmarks.WallClock;

/// <summary>`generation`: the offline composer through the real services on SQLite. One studio (one fresh temp database)
/// for the whole invocation, as a running web app has: each run is new campaigns in it, so later runs also claim past
/// earlier runs' finished tasks. The first run pays for JIT, template and query compilation and is not counted.</summary>
internal static class GenerationBenchmark
{
    public const double TargetSeconds = 5.0;

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var layout = BenchLayout.For(args.Variants);
        Console.WriteLine($"generation: offline composer, SQLite, {layout.Describe()}");
        Console.WriteLine($"machine: {Machine.Describe()}");
        var settings = new Dictionary<string, string?> { ["Llm:Provider"] = "Offline" };
        if (args.Concurrency > 0) settings["Generation:WorkerConcurrency"] = args.Concurrency.ToString(CultureInfo.InvariantCulture);
        if (args.BatchSize > 0) settings["Generation:BatchSize"] = args.BatchSize.ToString(CultureInfo.InvariantCulture);
        await using var studio = await BenchStudio.StartAsync(settings);
        var results = new List<RunMeasurement>();
        for (var i = 0; i <= args.Runs; i++) // run 0 warms up (JIT, template and query compilation): reported, not counted
        {
            var campaigns = await studio.CreateCampaignsAsync(layout);
            var result = await RunMeasurement.TakeAsync(studio, campaigns, layout.TotalVariants);
            if (i > 0) results.Add(result);
            Console.WriteLine(result.Line(i));
            if (args.Profile && i == args.Runs) await PhaseProfile.RunAsync(studio, layout);
        }
        var median = RunMeasurement.Median(results);
        var met = median.Wall.TotalSeconds <= TargetSeconds;
        Console.WriteLine($"median: {median.Wall.TotalSeconds:F2} s for {median.Variants} variants ({median.VariantsPerSecond:F0} variants/s), " +
                          $"target <= {TargetSeconds:F0} s: {(met ? "met" : "MISSED")}; peak working set {RunMeasurement.Mib(results.Max(r => r.PeakWorkingSet))}, " +
                          $"allocated per run {RunMeasurement.Mib(median.AllocatedBytes)}; {Machine.LoadAverage()}");
        return met ? 0 : 1;
    }
}
