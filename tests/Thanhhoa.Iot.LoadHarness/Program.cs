using Thanhhoa.Iot.LoadHarness;

// thiot-load: N lightweight simulated gateways against a broker (and a cloud whose /metrics is read).
// Example: thiot-load --broker 127.0.0.1:1883 --gateways 2000 --readings 50 --interval 1000 --duration 30 --cloud http://127.0.0.1:8080
if (args.Contains("--help") || args.Length == 0)
{
    Console.WriteLine("""
        thiot-load --broker HOST:PORT [--gateways N] [--readings R] [--interval MS] [--duration S] [--warmup S]
                   [--in-flight N] [--connect-rate N] [--encoding cbor|json] [--cloud URL[,URL...]] [--sink FILTER] [--prefix P]
                   [--commands MS --api-key KEY]
        Prints one RESULT line: readings/s acknowledged, stored by the cloud (/metrics) and received by the
        baseline subscriber (--sink), PUBACK p50/p99, publish-to-REST visibility p50/p99, errors, and with
        --commands one ping command every MS through the first cloud's API (operator key): round trip p50/p99
        to "Succeeded" and commands that failed.
        """);
    return 0;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
var report = await LoadRun.RunAsync(LoadOptions.Parse(args), Console.Out, cancel.Token);
Console.WriteLine(report);
return 0;
