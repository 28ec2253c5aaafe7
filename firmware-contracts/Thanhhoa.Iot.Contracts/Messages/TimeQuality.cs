using System.Text.Json.Serialization;
using Thanhhoa.Iot.Contracts.Codec;

namespace Thanhhoa.Iot.Contracts.Messages;

/// <summary>
/// Whether a reading's or event's <c>ts</c> comes from a trusted clock. Gateways without a real-time
/// clock (Raspberry Pi) start with a wrong wall clock; they correct what they can once the time is known
/// and flag what they cannot, rather than guess.
/// </summary>
[JsonConverter(typeof(WireEnumConverter<TimeQuality>))]
public enum TimeQuality
{
    /// <summary>The clock was trusted (or the time was corrected after it became trusted). The default: left out on the wire.</summary>
    [JsonStringEnumMemberName("synced")]
    Synced,

    /// <summary>
    /// Taken before the gateway's clock was trusted and not correctable (e.g. stored in an earlier boot):
    /// <c>ts</c> is the gateway's unsynchronised clock and may be off by any amount; order by <c>seq</c>.
    /// </summary>
    [JsonStringEnumMemberName("unsynced")]
    Unsynced,
}
