using Thanhhoa.Iot.Contracts.Topics;

namespace Thanhhoa.Iot.Edge.Outbox;

/// <summary>
/// A control message for the outbox's priority lane: an encoded <c>up/cmd-result</c> or
/// <c>up/config-reported</c> payload. It shares the sequence space (for acknowledgement) but is sent
/// whole, one message per PUBLISH, before events and telemetry, and never dropped at the quota.
/// </summary>
/// <param name="Kind"><see cref="TopicKind.CommandResult"/>, <see cref="TopicKind.ConfigReported"/> or <see cref="TopicKind.FirmwareReported"/>.</param>
/// <param name="Payload">The JSON payload, already encoded and validated by the contract's codec.</param>
public sealed record OutboxMessage(TopicKind Kind, byte[] Payload);
