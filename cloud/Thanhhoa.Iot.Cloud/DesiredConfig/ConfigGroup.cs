using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.DesiredConfig;

/// <summary>A group's configuration document: settings every member gets unless it overrides them.</summary>
public sealed record ConfigGroup(string Name, long Version, ConfigSettings Settings, DateTimeOffset UpdatedAt);
