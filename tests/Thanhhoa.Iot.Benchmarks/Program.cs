using BenchmarkDotNet.Running;

// `dotnet run -c Release --project tests/Thanhhoa.Iot.Benchmarks -- --filter '*'` runs every benchmark;
// see docs/benchmarks.md for the recorded figures and the exact commands.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
