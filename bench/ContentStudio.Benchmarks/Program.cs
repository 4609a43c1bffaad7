using BenchmarkDotNet.Running;

// `queue [variants] [sqlite|postgres "connection string"]`: the review queue's targets (see Review/QueueBench.cs).
if (args is ["queue", ..]) { await ContentStudio.Benchmarks.Review.QueueBench.RunAsync(args[1..]); return; }

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
