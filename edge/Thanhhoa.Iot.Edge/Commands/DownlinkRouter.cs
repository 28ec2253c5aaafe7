using System.Buffers;
using Microsoft.Extensions.Logging;
using Thanhhoa.Iot.Contracts.Topics;
using Thanhhoa.Iot.Edge.Configuration;
using Thanhhoa.Iot.Edge.Firmware;
using Thanhhoa.Iot.Edge.Uplink;

namespace Thanhhoa.Iot.Edge.Commands;

/// <summary>The gateway's <see cref="IDownlinkHandler"/>: <c>down/cmd</c> to commands, <c>down/config</c> to desired configuration, <c>down/firmware</c> to firmware rollout.</summary>
internal sealed class DownlinkRouter(CommandReceiver commands, DesiredConfigReceiver config, FirmwareReceiver firmware, ILogger<DownlinkRouter> logger) : IDownlinkHandler
{
    public Task HandleAsync(string topic, ReadOnlySequence<byte> payload, string? contentType, CancellationToken cancellationToken)
    {
        var bytes = payload.IsSingleSegment ? payload.First : payload.ToArray();
        if (!DeviceTopics.TryParse(topic, out var parsed))
        {
            LogIgnored(logger, topic);
            return Task.CompletedTask;
        }

        return parsed.Kind switch
        {
            TopicKind.Command => commands.ReceiveAsync(bytes, contentType, cancellationToken),
            TopicKind.Config => config.ReceiveAsync(bytes, contentType, cancellationToken),
            TopicKind.Firmware => firmware.ReceiveAsync(bytes, contentType, cancellationToken),
            _ => Ignore(topic),
        };
    }

    private Task Ignore(string topic)
    {
        LogIgnored(logger, topic);
        return Task.CompletedTask;
    }

    private static void LogIgnored(ILogger logger, string topic) => CommandLog.DownlinkIgnored(logger, topic);
}
