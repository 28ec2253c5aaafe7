using System.Buffers;
using Microsoft.Extensions.Logging;

namespace Thanhhoa.Iot.Edge.Uplink;

/// <summary>The default until commands and configuration land: notes what arrived.</summary>
internal sealed class LoggingDownlinkHandler(ILogger<LoggingDownlinkHandler> logger) : IDownlinkHandler
{
    public Task HandleAsync(string topic, ReadOnlySequence<byte> payload, string? contentType, CancellationToken cancellationToken)
    {
        UplinkLog.DownlinkIgnored(logger, topic, payload.Length);
        return Task.CompletedTask;
    }
}
