using System.Text.Json.Serialization;

namespace Thanhhoa.Iot.Cloud.Uptime;

/// <summary>What a site's equipment ran on during an interval, as the uptime ledger classifies it.</summary>
public enum PowerState
{
    /// <summary>Mains present.</summary>
    [JsonStringEnumMemberName("mains")]
    Mains,

    /// <summary>Mains lost; the battery string carries the load.</summary>
    [JsonStringEnumMemberName("battery")]
    Battery,

    /// <summary>Mains lost; the generator carries the load.</summary>
    [JsonStringEnumMemberName("generator")]
    Generator,

    /// <summary>The equipment lost power (DC bus below the load-disconnect voltage).</summary>
    [JsonStringEnumMemberName("down")]
    Down,

    /// <summary>No contact with the gateway and no buffered data covering the time: neither up nor down.</summary>
    [JsonStringEnumMemberName("unknown")]
    Unknown,
}
