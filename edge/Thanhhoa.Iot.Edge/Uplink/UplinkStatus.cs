namespace Thanhhoa.Iot.Edge.Uplink;

/// <summary>The uplink's writable side of <see cref="IUplinkStatus"/>; one per gateway.</summary>
internal sealed class UplinkStatus : IUplinkStatus
{
    private readonly Lock _gate = new();
    private UplinkStatusSnapshot _current = UplinkStatusSnapshot.Initial;

    public UplinkStatusSnapshot Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    public event EventHandler<UplinkStatusSnapshot>? Changed;

    public void Connecting(long session) => Update(s => s with { Session = session, NextAttemptAt = null });

    public void Connected() => Update(s => s with { Connected = true, FailedAttempts = 0, LastError = null });

    public void Disconnected(string reason) => Update(s => s with { Connected = false, LastError = reason });

    public void ConnectFailed(string reason) =>
        Update(s => s with { Connected = false, FailedAttempts = s.FailedAttempts + 1, LastError = reason });

    public void WaitingUntil(DateTimeOffset next) => Update(s => s with { NextAttemptAt = next });

    public void Delivered(UplinkBatch batch, DateTimeOffset at) => Update(s => batch.Kind switch
    {
        Contracts.Topics.TopicKind.Events => s with { LastSync = at, DeliveredEvents = s.DeliveredEvents + batch.Sequences.Count },
        Contracts.Topics.TopicKind.Telemetry => s with { LastSync = at, DeliveredReadings = s.DeliveredReadings + batch.Sequences.Count },
        _ => s with { LastSync = at, DeliveredMessages = s.DeliveredMessages + batch.Sequences.Count },
    });

    public void Rejected() => Update(s => s with { Rejected = s.Rejected + 1 });

    private void Update(Func<UplinkStatusSnapshot, UplinkStatusSnapshot> change)
    {
        UplinkStatusSnapshot next;
        lock (_gate)
        {
            next = change(_current);
            _current = next;
        }

        Changed?.Invoke(this, next);
    }
}
