using System.Diagnostics;

namespace Thanhhoa.Iot.LoadHarness;

/// <summary>
/// During the measured window, every <see cref="LoadOptions.CommandInterval"/> sends a <c>ping</c> to the next
/// gateway through the first cloud's REST API and times it until the cloud shows the command succeeded: the
/// operator's round trip (API → cloud → broker → gateway → result ingested and stored) under the fleet's load.
/// A command that ends otherwise, or not within 30 s, counts as failed. Commands still open when the window
/// closes are waited for (the fleet keeps publishing meanwhile), so a slow round trip is measured, not dropped.
/// </summary>
internal sealed class CommandSampler(LoadFleet fleet, CloudProbe probe, LatencyHistogram roundTrip, LoadOptions options)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly List<Task> _commands = [];
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private long _failed;

    public long Failed => Interlocked.Read(ref _failed);

    public void Start()
    {
        if (options.CommandInterval > TimeSpan.Zero && options.Clouds.Count > 0)
        {
            _loop = RunAsync(_stop.Token);
        }
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        Task[] commands;
        lock (_commands)
        {
            commands = [.. _commands];
        }

        await Task.WhenAll(commands).ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        var devices = fleet.DeviceIds;
        using var timer = new PeriodicTimer(options.CommandInterval);
        var next = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                var device = devices[next++ % devices.Count];
                lock (_commands)
                {
                    _commands.Add(OneAsync(device));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The measured window is over.
        }
    }

    private async Task OneAsync(string deviceId)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var id = await probe.SendCommandAsync(deviceId, CancellationToken.None).ConfigureAwait(false);
            if (await probe.CommandOutcomeAsync(id, Timeout, CancellationToken.None).ConfigureAwait(false) == "Succeeded")
            {
                roundTrip.Record(Stopwatch.GetElapsedTime(started));
                return;
            }

            Interlocked.Increment(ref _failed);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            Interlocked.Increment(ref _failed);
        }
    }
}
