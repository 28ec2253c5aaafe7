namespace Thanhhoa.Iot.Edge.Uplink;

/// <summary>The link as the technician CLI and health checks see it.</summary>
public interface IUplinkStatus
{
    /// <summary>The latest snapshot.</summary>
    UplinkStatusSnapshot Current { get; }

    /// <summary>Raised after every change, with the new snapshot (on the uplink's thread: keep handlers short).</summary>
    event EventHandler<UplinkStatusSnapshot>? Changed;
}
