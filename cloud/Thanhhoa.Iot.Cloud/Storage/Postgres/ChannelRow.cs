using System.Text.Json.Serialization;

namespace Thanhhoa.Iot.Cloud.Storage.Postgres;

/// <summary>One channel's latest value inside <c>devices.channels</c> (time as UTC ticks, so it round-trips exactly).</summary>
internal sealed record ChannelRow(
    [property: JsonPropertyName("v")] double Value,
    [property: JsonPropertyName("t")] long TimeTicks,
    [property: JsonPropertyName("q")] int Quality,
    [property: JsonPropertyName("s")] long Seq);
