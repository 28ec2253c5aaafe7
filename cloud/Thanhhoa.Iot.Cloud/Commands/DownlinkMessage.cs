using Thanhhoa.Iot.Contracts.Topics;

namespace Thanhhoa.Iot.Cloud.Commands;

/// <summary>A message for one gateway's down/ topic.</summary>
/// <param name="DeviceId">The gateway.</param>
/// <param name="Kind"><see cref="TopicKind.Command"/> or <see cref="TopicKind.Config"/>.</param>
/// <param name="Payload">The encoded JSON payload.</param>
/// <param name="Retain">True for down/config (a gateway gets it whenever it subscribes).</param>
/// <param name="CommandId">For commands: the id, so the gateway's acknowledgement can be matched.</param>
public sealed record DownlinkMessage(string DeviceId, TopicKind Kind, byte[] Payload, bool Retain, string? CommandId = null);
