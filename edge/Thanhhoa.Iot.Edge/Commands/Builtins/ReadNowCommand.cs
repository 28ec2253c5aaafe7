using System.Globalization;
using System.Text.Json.Nodes;
using Thanhhoa.Iot.Edge.Sensing;

namespace Thanhhoa.Iot.Edge.Commands.Builtins;

/// <summary>
/// <c>read-now</c>: reads the named channels (<c>args.channels</c>; all when absent) fresh through their
/// drivers, one after the other, and returns the values. A channel that fails is reported bad with its error.
/// </summary>
internal sealed class ReadNowCommand(IEnumerable<ISensorChannel> channels) : ICommandHandler
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(10);
    private readonly IReadOnlyList<ISensorChannel> _channels = channels.ToList();

    public string Type => BuiltinCommandTypes.ReadNow;

    public async Task<CommandOutcome> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var wanted = context.Arguments.OptionalStrings("channels", "channel ids of the site profile");
        var selected = Select(wanted);
        var readings = new JsonArray();
        foreach (var channel in selected)
        {
            readings.Add(await ReadAsync(channel, cancellationToken).ConfigureAwait(false));
        }

        return CommandOutcome.Succeeded(new JsonObject { ["readings"] = readings });
    }

    private List<ISensorChannel> Select(IReadOnlyList<string>? wanted)
    {
        if (wanted is null)
        {
            return _channels.ToList();
        }

        var unknown = wanted.Where(id => _channels.All(c => c.Id != id)).ToList();
        if (unknown.Count > 0)
        {
            throw new CommandRefusedException(CommandErrors.InvalidArgs,
                $"no channel {string.Join(", ", unknown.Select(u => $"'{u}'"))} on this gateway; it has {string.Join(", ", _channels.Select(c => c.Id))}");
        }

        return wanted.Distinct(StringComparer.Ordinal).Select(id => _channels.First(c => c.Id == id)).ToList();
    }

    private static async Task<JsonObject> ReadAsync(ISensorChannel channel, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ReadTimeout);
        try
        {
            var reading = await channel.ReadAsync(timeout.Token).ConfigureAwait(false);
            return Row(channel.Id, reading.Timestamp, reading.Value, reading.Quality.ToString().ToLowerInvariant(), null);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return Row(channel.Id, null, 0, "bad", ex is OperationCanceledException ? $"no answer within {ReadTimeout.TotalSeconds:0} s" : ex.Message);
        }
    }

    private static JsonObject Row(string id, DateTimeOffset? at, double value, string quality, string? error)
    {
        var row = new JsonObject { ["ch"] = id };
        if (at is { } t)
        {
            row["ts"] = t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        }

        row["val"] = double.IsFinite(value) ? value : 0;
        row["q"] = double.IsFinite(value) ? quality : "bad";
        if (error is not null)
        {
            row["error"] = error;
        }

        return row;
    }
}
