namespace Thanhhoa.Iot.Cloud.Ingest;

/// <summary>Configuration section <c>Ingest</c>: how fast the cloud takes telemetry in.</summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";

    /// <summary>
    /// Cloud-wide pace of telemetry ingest in readings per second; 0 (the default) leaves ingest unpaced.
    /// When set, a telemetry batch is stored (and acknowledged) no faster than this pace allows, and the
    /// embedded broker tells each gateway its share (<see cref="DrainHint.PropertyName"/> on CONNACK and
    /// every PUBACK: the pace divided by the connected gateways), so a fleet draining its backlogs after an
    /// outage arrives spread out instead of queueing for acknowledgements. Events are never paced.
    /// </summary>
    public int MaxReadingsPerSecond { get; set; }

    /// <summary>
    /// Most telemetry admitted but not yet stored, as time at the pace (default 0.5 s). When the store stalls
    /// (a slow commit, a busy disk), admission stops too, so the store does not catch up later with a burst far
    /// above the pace; a single batch larger than this still goes, alone.
    /// </summary>
    public TimeSpan InFlight { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How far ahead of the pace a burst may run, as time at the pace (a batch larger than that still goes, alone).</summary>
    public TimeSpan Burst { get; set; } = TimeSpan.FromMilliseconds(200);
}
