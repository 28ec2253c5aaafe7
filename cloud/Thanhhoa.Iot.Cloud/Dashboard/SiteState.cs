using System.Text.Json.Serialization;

namespace Thanhhoa.Iot.Cloud.Dashboard;

/// <summary>A site's state right now, as the map colours it.</summary>
public enum SiteState
{
    [JsonStringEnumMemberName("mains")]
    Mains,

    [JsonStringEnumMemberName("battery")]
    Battery,

    [JsonStringEnumMemberName("generator")]
    Generator,

    [JsonStringEnumMemberName("down")]
    Down,

    /// <summary>The gateway is not connected: the power state is not known now.</summary>
    [JsonStringEnumMemberName("offline")]
    Offline,

    /// <summary>No gateway has reported this site yet.</summary>
    [JsonStringEnumMemberName("unmonitored")]
    Unmonitored,
}
