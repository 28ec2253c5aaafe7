using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.Edge.Uplink;

namespace Thanhhoa.Iot.Edge.Firmware;

/// <summary>
/// Healthy = connected to the broker, sensors read since this start (the outbox holds a new sequence
/// number: a reading or event was stored) and no outbox write failed since this start.
/// </summary>
public sealed class GatewayFirmwareHealth : IFirmwareHealth
{
    private readonly IUplinkStatus? _uplink;
    private readonly IOutbox _outbox;
    private readonly long _sequenceAtStart;
    private readonly long _failedWritesAtStart;

    /// <param name="uplink">The link; null in a composition without one (never healthy then).</param>
    /// <param name="outbox">The outbox readings go to.</param>
    public GatewayFirmwareHealth(IUplinkStatus? uplink, IOutbox outbox)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        _uplink = uplink;
        _outbox = outbox;
        var status = outbox.GetStatus();
        _sequenceAtStart = status.LastSequence;
        _failedWritesAtStart = status.FailedWrites;
    }

    public string? Problem()
    {
        var status = _outbox.GetStatus();
        if (_uplink is null)
        {
            return "this gateway has no uplink";
        }

        if (!_uplink.Current.Connected)
        {
            return $"not connected to the broker ({_uplink.Current.LastError ?? "no session yet"})";
        }

        if (status.LastSequence <= _sequenceAtStart)
        {
            return "no sensor reading stored since the start";
        }

        return status.FailedWrites > _failedWritesAtStart
            ? $"{status.FailedWrites - _failedWritesAtStart} outbox write(s) failed since the start"
            : null;
    }
}
