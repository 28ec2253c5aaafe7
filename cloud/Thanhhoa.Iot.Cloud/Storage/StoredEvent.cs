using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Storage;

/// <summary>One gateway event as the cloud keeps it (<see cref="TimeQuality"/> as on <see cref="StoredReading"/>).</summary>
public sealed record StoredEvent(
    string DeviceId,
    long Seq,
    DateTimeOffset Timestamp,
    string Code,
    EventAction Action,
    Severity Severity,
    string? Channel,
    string? Message,
    IReadOnlyDictionary<string, double>? Values,
    DateTimeOffset ReceivedAt,
    TimeQuality TimeQuality = TimeQuality.Synced);
