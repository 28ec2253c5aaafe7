namespace Thanhhoa.Iot.Contracts.Topics;

/// <summary>A topic of the contract taken apart.</summary>
/// <param name="DeviceId">The device the topic belongs to.</param>
/// <param name="Kind">Which message the topic carries.</param>
public readonly record struct ParsedTopic(string DeviceId, TopicKind Kind)
{
    /// <summary>True for topics a gateway publishes (<c>up/…</c>).</summary>
    public bool IsUp => Kind is TopicKind.Telemetry or TopicKind.Events or TopicKind.State
        or TopicKind.CommandResult or TopicKind.ConfigReported or TopicKind.FirmwareReported;
}
