namespace Thanhhoa.Iot.Cloud.Registry;

/// <summary>
/// Live state of a device: whether its MQTT session is up (and which session), when it was last
/// heard from, its firmware and site, and the latest value of each channel.
/// </summary>
public sealed record DeviceState
{
    public required string DeviceId { get; init; }

    public bool Online { get; init; }

    /// <summary>The highest session counter seen from the device (0 before its first birth).</summary>
    public long Session { get; init; }

    public DateTimeOffset FirstSeen { get; init; }

    public DateTimeOffset? LastSeen { get; init; }

    /// <summary>When <see cref="Online"/> last changed.</summary>
    public DateTimeOffset? StateChangedAt { get; init; }

    /// <summary>Why the device went offline (<c>lost</c>, <c>shutdown</c>, a broker disconnect reason, ...).</summary>
    public string? OfflineReason { get; init; }

    public string? Firmware { get; init; }

    public string? Site { get; init; }

    public IReadOnlyDictionary<string, ChannelValue> Channels { get; init; } = new Dictionary<string, ChannelValue>();

    public static DeviceState New(string deviceId, DateTimeOffset at) => new() { DeviceId = deviceId, FirstSeen = at };
}
