using BenchmarkDotNet.Running;
using ContentStudio.Benchmarks.WallClock;

// Whole-system wall-clock measurements (`generation`, `endpoint`) are not micro-benchmarks: they run here directly.
// Anything else goes to BenchmarkDotNet's switcher as before.
if (WallClockCommands.TryRun(args, out var run)) return await run;
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
