namespace Thanhhoa.Iot.Cloud.Uptime;

/// <summary>What a site's equipment ran on during an interval, as the uptime ledger classifies it.</summary>
public enum PowerState
{
    /// <summary>Mains present.</summary>
    Mains,

    /// <summary>Mains lost; the battery string carries the load.</summary>
    Battery,

    /// <summary>Mains lost; the generator carries the load.</summary>
    Generator,

    /// <summary>The equipment lost power (DC bus below the load-disconnect voltage).</summary>
    Down,

    /// <summary>No contact with the gateway and no buffered data covering the time: neither up nor down.</summary>
    Unknown,
}
