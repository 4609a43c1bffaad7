namespace ContentStudio.Benchmarks.WallClock;

/// <summary>The `generation` and `endpoint` modes and their options.</summary>
internal static class WallClockCommands
{
    public const string Usage = """
        Usage:
          dotnet run -c Release --project bench/ContentStudio.Benchmarks -- generation [--variants 1000] [--runs 3] [--concurrency N] [--batch N] [--profile]
          dotnet run -c Release --project bench/ContentStudio.Benchmarks -- endpoint [--variants 400] [--runs 3] [--latency-ms 200] [--concurrency 16] [--batch 64]
          dotnet run -c Release --project bench/ContentStudio.Benchmarks -- [BenchmarkDotNet arguments]
        Each mode first does one warm-up run (a cold process: JIT, prompt templates, EF queries), printed but not counted,
        then --runs measured runs (new campaigns in the same fresh temp database); the median of those is the result.
        generation uses the product's Generation:WorkerConcurrency and Generation:BatchSize unless --concurrency/--batch are given.
        --profile also times each layer of one variant (prompt rendering, composer, generator, segment lookup).
        --variants must be a multiple of 50 (10 segments x 5 channels), at most 5000.
        """;

    public static bool TryRun(string[] args, out Task<int> run)
    {
        run = Task.FromResult(0);
        if (args.Length == 0 || args[0] is not ("generation" or "endpoint")) return false;
        BenchArgs options;
        try { options = BenchArgs.Parse(args[0], args.AsSpan(1)); }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(Usage);
            run = Task.FromResult(2);
            return true;
        }
        run = args[0] == "generation" ? GenerationBenchmark.RunAsync(options) : EndpointBenchmark.RunAsync(options);
        return true;
    }
}

internal sealed record BenchArgs(string Mode, int Variants, int Runs, int LatencyMs, int Concurrency, int BatchSize, bool Profile = false)
{
    public static BenchArgs Parse(string mode, ReadOnlySpan<string> args)
    {
        var endpoint = mode == "endpoint";
        var o = new BenchArgs(mode, endpoint ? 400 : 1000, 3, 200, endpoint ? 16 : 0, endpoint ? 64 : 0);
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name == "--profile" && !endpoint) { o = o with { Profile = true }; continue; }
            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], out var value) || value < 1)
                throw new ArgumentException($"Option '{name}' needs a whole number of at least 1 after it.");
            i++;
            o = name switch
            {
                "--variants" => o with { Variants = value },
                "--runs" => o with { Runs = value },
                "--latency-ms" when endpoint => o with { LatencyMs = value },
                "--concurrency" => o with { Concurrency = value },
                "--batch" => o with { BatchSize = value },
                _ => throw new ArgumentException($"Unknown option '{name}' for '{mode}'."),
            };
        }
        if (o.Variants % BenchLayout.VariantsPerVariantIndex != 0 || o.Variants > 5000)
            throw new ArgumentException($"--variants must be a multiple of {BenchLayout.VariantsPerVariantIndex} and at most 5000 (got {o.Variants}).");
        if (o.BatchSize > 500) throw new ArgumentException($"--batch must be at most 500, Generation:BatchSize's limit (got {o.BatchSize}).");
        return o;
    }
}
