using System.Diagnostics;

namespace Thanhhoa.Iot.LoadHarness;

/// <summary>
/// One measured run: connect the fleet (and the baseline subscriber, if asked), publish through a
/// warm-up, then measure for the duration: readings acknowledged, readings the cloud counted as stored
/// (its /metrics), readings the subscriber received, PUBACK latency, publish-to-REST visibility
/// sampled twice a second, and (with <see cref="LoadOptions.CommandInterval"/>) command round trips.
/// </summary>
public static class LoadRun
{
    public static Task<LoadReport> RunAsync(LoadOptions options, TextWriter log, CancellationToken cancellationToken) =>
        RunAsync(options, log, null, cancellationToken);

    /// <param name="connected">Called once the fleet is connected and before it publishes (e.g. to measure memory per connection).</param>
    public static async Task<LoadReport> RunAsync(LoadOptions options, TextWriter log, Func<LoadFleet, Task>? connected, CancellationToken cancellationToken)
    {
        var time = TimeProvider.System;
        using var probe = new CloudProbe(options.Clouds, options.ApiKey);
        await using var sink = options.SinkFilter is { } filter
            ? await BareSubscriber.StartAsync(options.BrokerHost, options.BrokerPort, filter, cancellationToken).ConfigureAwait(false)
            : null;
        await using var fleet = await LoadFleet.ConnectAsync(options, time, cancellationToken).ConfigureAwait(false);
        log.WriteLine($"connected {fleet.Connected}/{options.Gateways} gateways to {options.BrokerHost}:{options.BrokerPort}");
        if (connected is not null)
        {
            await connected(fleet).ConfigureAwait(false);
        }

        var visible = new LatencyHistogram();
        var sampler = new VisibilitySampler(fleet, probe, visible, options.Clouds.Count > 0);
        var commandTimes = new LatencyHistogram();
        var commands = new CommandSampler(fleet, probe, commandTimes, options);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var publishing = fleet.RunAsync(stop.Token);

        await Task.Delay(options.Warmup, time, cancellationToken).ConfigureAwait(false);
        fleet.PubAckLatency.Clear();
        var acked0 = fleet.AckedReadings;
        var cloud0 = options.Clouds.Count > 0 ? await probe.ReadingsIngestedAsync(cancellationToken).ConfigureAwait(false) : 0;
        var sink0 = sink?.Messages ?? 0;
        var errors0 = fleet.Errors;
        var watch = Stopwatch.StartNew();
        sampler.Start();
        commands.Start();

        await Task.Delay(options.Duration, time, cancellationToken).ConfigureAwait(false);
        var seconds = watch.Elapsed.TotalSeconds;
        var acked = fleet.AckedReadings - acked0;
        var cloud = options.Clouds.Count > 0 ? await probe.ReadingsIngestedAsync(cancellationToken).ConfigureAwait(false) - cloud0 : 0;
        var sinkMessages = (sink?.Messages ?? 0) - sink0;
        await sampler.StopAsync().ConfigureAwait(false);
        await commands.StopAsync().ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        await publishing.ConfigureAwait(false);

        return new LoadReport(
            options.Gateways, fleet.Connected, seconds, acked / seconds, cloud / seconds, sinkMessages * (double)options.ReadingsPerBatch / seconds,
            fleet.PubAckLatency.PercentileMs(50), fleet.PubAckLatency.PercentileMs(99), visible.PercentileMs(50), visible.PercentileMs(99), visible.Count,
            fleet.Errors - errors0)
        {
            CommandP50Ms = commandTimes.PercentileMs(50), CommandP99Ms = commandTimes.PercentileMs(99), CommandSamples = commandTimes.Count, CommandsFailed = commands.Failed,
        };
    }
}
