using System.Threading.Channels;
using Thanhhoa.Iot.Cloud.Ingest;

namespace Thanhhoa.Iot.Cloud.Commands;

/// <summary>
/// What broker callbacks hand to <see cref="CommandWorker"/>: a gateway acknowledged a command, or a
/// gateway's birth arrived. Enqueueing never blocks, so the broker's threads return at once. Depends on
/// nothing, so the broker, the publisher and the service can all reach it without a dependency cycle.
/// </summary>
public sealed class CommandWorkQueue : ICommandAcknowledgements, IDeviceOnlineObserver
{
    private readonly Channel<(string DeviceId, string? CommandId)> _work =
        Channel.CreateUnbounded<(string, string?)>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Items: a command id for an acknowledgement, null for a birth.</summary>
    public ChannelReader<(string DeviceId, string? CommandId)> Reader => _work.Reader;

    public void Acknowledged(string deviceId, string commandId) => _work.Writer.TryWrite((deviceId, commandId));

    public void Online(string deviceId, long session) => _work.Writer.TryWrite((deviceId, null));
}
