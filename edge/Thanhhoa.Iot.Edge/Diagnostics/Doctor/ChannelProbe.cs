using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Sensing;

namespace Thanhhoa.Iot.Edge.Diagnostics.Doctor;

/// <summary>Reads a channel once, bounded by a timeout, and never throws: what <c>doctor</c> and <c>sensors</c> share.</summary>
public static class ChannelProbe
{
    public static async Task<ChannelReadout> ReadAsync(ISensorChannel channel, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(time);
        var start = time.GetTimestamp();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // The deadline exists before the driver is called, so a driver that blocks its caller is still bounded.
        var deadline = Task.Delay(timeout, time, cancel.Token);
        try
        {
            var read = Task.Run(() => channel.ReadAsync(cancel.Token).AsTask(), cancel.Token);
            var first = await Task.WhenAny(read, deadline).ConfigureAwait(false);
            await cancel.CancelAsync().ConfigureAwait(false);
            if (first != read)
            {
                cancellationToken.ThrowIfCancellationRequested();
                return Failed(channel, $"no answer within {timeout.TotalSeconds:0.#} s", time.GetElapsedTime(start));
            }

            var reading = await read.ConfigureAwait(false);
            return new ChannelReadout(channel.Id, channel.Unit, reading.Value, reading.Quality, null, time.GetElapsedTime(start));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Failed(channel, $"{ex.GetType().Name}: {ex.Message}", time.GetElapsedTime(start));
        }
    }

    private static ChannelReadout Failed(ISensorChannel channel, string error, TimeSpan took) =>
        new(channel.Id, channel.Unit, null, Quality.Bad, error, took);
}
