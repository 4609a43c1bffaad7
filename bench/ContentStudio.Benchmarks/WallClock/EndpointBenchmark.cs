using ContentStudio.Testing;
using System.Globalization;

namespace ContentStudio.Benchmarks.WallClock;

/// <summary>`endpoint`: the same pipeline against the tests' <see cref="FakeOpenAiServer"/> over real HTTP (Llm:Provider
/// OpenAICompatible). With a fixed latency L and C calls in flight the ideal is C / L variants per second; what is
/// lost to claiming, saving and batch edges shows as the gap.</summary>
internal static class EndpointBenchmark
{
    public const double TargetEfficiency = 0.90;

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var layout = BenchLayout.For(args.Variants);
        var latency = TimeSpan.FromMilliseconds(args.LatencyMs);
        var ideal = args.Concurrency / latency.TotalSeconds;
        Console.WriteLine($"endpoint: fake OpenAI-compatible server on 127.0.0.1, {args.LatencyMs} ms per request, " +
                          $"Llm:MaxConcurrency = Generation:WorkerConcurrency = {args.Concurrency}, Generation:BatchSize = {args.BatchSize}, " +
                          $"SQLite, {layout.Describe()}; ideal {ideal:F0} variants/s");
        Console.WriteLine($"machine: {Machine.Describe()}");
        // A model that always takes the same time and answers what each prompt asks for.
        await using var server = (await FakeOpenAiServer.StartAsync()).Then(FakeReply.ForPrompt(latency));
        var c = args.Concurrency.ToString(CultureInfo.InvariantCulture);
        await using var studio = await BenchStudio.StartAsync(new Dictionary<string, string?>
        {
            ["Llm:Provider"] = "OpenAICompatible",
            ["Llm:Endpoint"] = server.BaseUri.ToString(),
            ["Llm:Model"] = "fake-model",
            ["Llm:MaxConcurrency"] = c,
            ["Generation:WorkerConcurrency"] = c,
            ["Generation:BatchSize"] = args.BatchSize.ToString(CultureInfo.InvariantCulture),
            // The target is generation throughput (one model call per variant); the LLM judges would add two calls
            // per variant and are measured by their own settings, not here.
            ["Checks:JudgesEnabled"] = "false",
        });
        var results = new List<RunMeasurement>();
        for (var i = 0; i <= args.Runs; i++) // run 0 warms up (JIT, template and query compilation): reported, not counted
        {
            var campaigns = await studio.CreateCampaignsAsync(layout);
            var requestsBefore = server.Requests.Count;
            var result = await RunMeasurement.TakeAsync(studio, campaigns, layout.TotalVariants);
            if (i > 0) results.Add(result);
            Console.WriteLine($"{result.Line(i)}, {result.VariantsPerSecond / ideal:P0} of ideal, " +
                              $"{server.Requests.Count - requestsBefore} requests, peak {server.PeakConcurrency} in flight");
        }
        var median = RunMeasurement.Median(results);
        var efficiency = median.VariantsPerSecond / ideal;
        var met = efficiency >= TargetEfficiency;
        Console.WriteLine($"median: {median.VariantsPerSecond:F1} variants/s of ideal {ideal:F0} = {efficiency:P1} " +
                          $"({median.Wall.TotalSeconds:F2} s for {median.Variants}), target >= {TargetEfficiency:P0}: {(met ? "met" : "MISSED")}; {Machine.LoadAverage()}");
        return met ? 0 : 1;
    }
}
