using BenchmarkDotNet.Running;
using ContentStudio.Benchmarks.WallClock;

// Whole-system wall-clock measurements (`generation`, `endpoint`) are not micro-benchmarks: they run here directly.
// Anything else goes to BenchmarkDotNet's switcher as before.
if (WallClockCommands.TryRun(args, out var run)) return await run;
// `publish [--deliveries 1000] [--provider sqlite|postgres]`: the outbox to a loopback receiver (see Publishing/PublishBench.cs).
if (args is ["publish", ..]) return await ContentStudio.Benchmarks.Publishing.PublishBench.RunAsync(args[1..]);
// `weather [--tasks 200] [--outage-seconds 60] [--latency-ms 200]`: a busy provider, then an outage (see Weather/WeatherBench.cs).
if (args is ["weather", ..]) return await ContentStudio.Benchmarks.Weather.WeatherBench.RunAsync(args[1..]);
// `queue [variants] [sqlite|postgres "connection string"]`: the review queue's targets (see Review/QueueBench.cs).
if (args is ["queue", ..]) { await ContentStudio.Benchmarks.Review.QueueBench.RunAsync(args[1..]); return 0; }

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
