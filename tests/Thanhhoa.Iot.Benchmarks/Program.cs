using BenchmarkDotNet.Running;

// `dotnet run -c Release --project tests/Thanhhoa.Iot.Benchmarks -- --filter '*'` runs every benchmark;
// see docs/benchmarks.md for the recorded figures and the exact commands.
// `-- command-roundtrip --gateways N` runs the command round-trip load run instead (not a BenchmarkDotNet job).
if (args.Length > 0 && args[0] == "command-roundtrip")
{
    return await Thanhhoa.Iot.Benchmarks.Commands.CommandRoundTripRun.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
