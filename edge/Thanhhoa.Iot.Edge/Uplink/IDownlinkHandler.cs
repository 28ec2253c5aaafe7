using System.Buffers;

namespace Thanhhoa.Iot.Edge.Uplink;

/// <summary>
/// Receives what the cloud sends on the gateway's <c>down/#</c> topics (commands, configuration,
/// firmware). The PUBACK goes back after this returns, so a handler that stores work durably first
/// loses nothing.
/// </summary>
public interface IDownlinkHandler
{
    /// <summary>Handles one message; exceptions are logged and the message is still acknowledged.</summary>
    Task HandleAsync(string topic, ReadOnlySequence<byte> payload, string? contentType, CancellationToken cancellationToken);
}
