using Thanhhoa.Iot.Edge.Budget;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.Edge.Uplink;

namespace Thanhhoa.Iot.Edge.Diagnostics.Status;

/// <summary>What the running gateway tells <c>thgw status</c> through <c>status.json</c> in its data directory.</summary>
/// <param name="DeviceId">Gateway:DeviceId.</param>
/// <param name="Site">Gateway:Site, if bound.</param>
/// <param name="Version">The thgw version that wrote the file.</param>
/// <param name="Broker">Uplink host:port.</param>
/// <param name="UseTls">Uplink:UseTls.</param>
/// <param name="ProcessId">The service's process id.</param>
/// <param name="StartedAt">When the service started.</param>
/// <param name="WrittenAt">When this file was written.</param>
/// <param name="Interval">How often the service rewrites it; older than a few intervals means it stopped or hangs.</param>
/// <param name="Running">False in the last file a cleanly stopping service writes.</param>
/// <param name="Link">The uplink's state.</param>
/// <param name="Outbox">The outbox's state; null when it could not be read.</param>
/// <param name="Budget">Data budget use and level; null when <c>Budget</c> is off.</param>
public sealed record GatewayStatusDocument(
    string DeviceId,
    string? Site,
    string Version,
    string Broker,
    bool UseTls,
    int ProcessId,
    DateTimeOffset StartedAt,
    DateTimeOffset WrittenAt,
    TimeSpan Interval,
    bool Running,
    UplinkStatusSnapshot Link,
    OutboxStatus? Outbox,
    BudgetUsage? Budget = null)
{
    /// <summary>How many missed rewrites make the file stale.</summary>
    public const int StaleAfterIntervals = 3;

    /// <summary>True when the service wrote this recently and was not stopping.</summary>
    public bool IsFresh(DateTimeOffset now) => Running && now - WrittenAt <= (Interval * StaleAfterIntervals) + TimeSpan.FromSeconds(5);
}
