namespace Thanhhoa.Iot.Cloud.Commands;

/// <summary>Where a command is: Pending → Delivered → Succeeded | Failed | Expired | Cancelled.</summary>
public enum CommandState
{
    /// <summary>Created; not yet acknowledged by the gateway (it may be offline). Re-sent when the gateway comes back.</summary>
    Pending,

    /// <summary>The gateway acknowledged it (MQTT PUBACK after journalling it); its result is awaited.</summary>
    Delivered,

    /// <summary>The gateway ran it and it did what was asked.</summary>
    Succeeded,

    /// <summary>The gateway refused it (interlock, bad arguments, ...) or it failed.</summary>
    Failed,

    /// <summary>No result before its expiry (the gateway refuses it from then on).</summary>
    Expired,

    /// <summary>Cancelled by an operator while still pending.</summary>
    Cancelled,
}
