namespace Thanhhoa.Iot.Edge.Uplink;

/// <summary>
/// How often telemetry may go out (desired configuration <c>uploadSeconds</c>). Between uploads the
/// uplink holds partial telemetry batches back; control messages and events never wait, and a full
/// batch goes at once so a backlog drains at link speed.
/// </summary>
public interface IUploadCadence
{
    /// <summary>Least time between two telemetry messages; zero sends readings as soon as they are durable.</summary>
    TimeSpan TelemetryInterval { get; }
}
