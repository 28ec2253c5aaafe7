using BenchmarkDotNet.Running;
using Thanhhoa.Iot.Benchmarks.Commands;

// `dotnet run -c Release --project tests/Thanhhoa.Iot.Benchmarks -- --filter '*'` runs every
// BenchmarkDotNet benchmark; `-- drain`, `-- weak-drain`, `-- rss`, `-- scale`, `-- command-roundtrip`, `-- wire-compare`, `-- rollout` and `-- start-online` are whole-system measurements that do not fit
// BenchmarkDotNet's repeat-a-method model. docs/benchmarks.md records the figures and commands.
return args.FirstOrDefault() switch
{
    "drain" => await BacklogDrainCommand.RunAsync(args[1..]),
    "weak-drain" => await WeakLinkDrainCommand.RunAsync(args[1..]),
    "rss" => await GatewayRssCommand.RunAsync(args[1..]),
    "scale" => await ScaleCommand.RunAsync(args[1..]),
    "command-roundtrip" => await CommandRoundTripRun.RunAsync(args[1..]),
    "wire-compare" => await WireCompareCommand.RunAsync(),
    "rollout" => await RolloutRun.RunAsync(args[1..]),
    "start-online" => await StartOnlineCommand.RunAsync(args[1..]),
    _ => Switch(args),
};

static int Switch(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(BacklogDrainCommand).Assembly).Run(args);
    return 0;
}
