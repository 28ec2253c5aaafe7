using System.CommandLine;
using System.Runtime.InteropServices;
using Thanhhoa.Iot.Edge.Diagnostics.Doctor;
using Thanhhoa.Iot.Edge.Diagnostics.Text;
using Thanhhoa.Iot.Edge.Sensing;

namespace Thanhhoa.Iot.Gateway.Cli;

/// <summary>
/// <c>thgw sensors [--watch]</c>: reads every configured channel once (or every second until Ctrl+C)
/// and prints value, unit and quality, so a technician can wire a sensor and see it respond.
/// </summary>
internal static class SensorsCommand
{
    private static readonly TimeSpan WatchPeriod = TimeSpan.FromSeconds(1);

    public static Command Create(Texts texts)
    {
        var watch = new Option<bool>("--watch") { Description = texts[TextKey.SensorsWatchDescription] };
        var command = new Command("sensors", texts[TextKey.SensorsDescription]) { watch };
        command.SetAction((parse, _) => RunAsync(texts, parse.GetValue(watch)));
        return command;
    }

    private static async Task<int> RunAsync(Texts texts, bool watch)
    {
        TechnicianComposition composition;
        try
        {
            composition = TechnicianComposition.Create();
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or IOException)
        {
            await Console.Error.WriteLineAsync(texts.Format(TextKey.SensorsNotComposed, ex.Message)).ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        await using (composition.ConfigureAwait(false))
        {
            var (channels, error) = composition.Channels();
            if (channels.Count == 0)
            {
                await Console.Error.WriteLineAsync(error is null ? texts[TextKey.SensorsNoneConfigured] : texts.Format(TextKey.SensorsNotComposed, error)).ConfigureAwait(false);
                await Console.Error.WriteLineAsync($"     → {texts[TextKey.FixLabel]}: {texts[TextKey.SensorsNoneFix]}").ConfigureAwait(false);
                return ExitCodes.Failure;
            }

            return watch
                ? await WatchAsync(texts, channels, composition.ReadTimeout).ConfigureAwait(false)
                : await ReadAllAsync(texts, channels, composition.ReadTimeout, CancellationToken.None).ConfigureAwait(false) ? ExitCodes.Ok : ExitCodes.Failure;
        }
    }

    private static async Task<int> WatchAsync(Texts texts, IReadOnlyList<ISensorChannel> channels, TimeSpan timeout)
    {
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true;
            stop.Cancel();
        });
        Console.Error.WriteLine(texts[TextKey.SensorsWatching]);
        using var timer = new PeriodicTimer(WatchPeriod, TimeProvider.System);
        try
        {
            do
            {
                Console.WriteLine($"-- {TimeProvider.System.GetLocalNow().ToString("HH:mm:ss", texts.Culture)}");
                await ReadAllAsync(texts, channels, timeout, stop.Token).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(stop.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or SIGTERM ends watching.
        }

        return ExitCodes.Ok;
    }

    /// <summary>Reads the channels concurrently (each bounded by the timeout) and prints them in order; true when all are good.</summary>
    private static async Task<bool> ReadAllAsync(Texts texts, IReadOnlyList<ISensorChannel> channels, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var readouts = await Task.WhenAll(channels.Select(c => ChannelProbe.ReadAsync(c, timeout, TimeProvider.System, cancellationToken))).ConfigureAwait(false);
        var width = Math.Max(8, channels.Max(c => c.Id.Length));
        foreach (var r in readouts)
        {
            var value = SensorChannelCheck.FormatValue(r, texts.Culture);
            var quality = r.Error is null ? r.Quality.ToString().ToLowerInvariant() : "bad";
            var line = $"{r.Channel.PadRight(width)}  {value,14}  {quality,-9} {r.Took.TotalMilliseconds.ToString("0", texts.Culture),5} ms";
            Console.WriteLine(r.Error is null ? line : $"{line}  {texts.Format(TextKey.SensorFailed, r.Error)}");
        }

        return readouts.All(r => r.IsGood);
    }
}
