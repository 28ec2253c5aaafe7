using Thanhhoa.Iot.Contracts.Topics;

namespace Thanhhoa.Iot.Edge.Outbox;

/// <summary>A durable, not yet acknowledged control message.</summary>
/// <param name="Seq">Its sequence number (acknowledge it with this).</param>
/// <param name="Kind">Which up/ topic it goes to.</param>
/// <param name="Payload">The payload to publish.</param>
public sealed record PendingMessage(long Seq, TopicKind Kind, byte[] Payload);
