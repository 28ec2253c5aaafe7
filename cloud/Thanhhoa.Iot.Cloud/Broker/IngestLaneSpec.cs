namespace Thanhhoa.Iot.Cloud.Broker;

/// <summary>
/// One MQTT session of the external-broker ingest: its client id, what it subscribes to, how many of its
/// messages are stored at once, and (for the session that kept the pre-lanes client id) the old all-up/
/// filter to drop when the broker still holds that session.
/// </summary>
internal sealed record IngestLaneSpec(string Name, string ClientId, IReadOnlyList<string> Filters, int MaxInFlight, string? LegacyFilter = null);
