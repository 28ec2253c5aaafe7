namespace Thanhhoa.Iot.Cloud.Ingest;

/// <summary>
/// One MQTT message handed to ingest. <paramref name="PublisherId"/> is the authenticated device id
/// when the cloud runs the broker (the topic must then name that device); null with an external broker,
/// whose ACL already restricted the publisher to its own topics.
/// </summary>
public sealed record IngestMessage(string Topic, ReadOnlyMemory<byte> Payload, string? ContentType, string? PublisherId);
