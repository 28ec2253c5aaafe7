using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.DesiredConfig;

/// <summary>
/// One gateway's configuration: its own document (group membership and overrides, versioned), the
/// merged desired configuration published to it (its own revision counter), and what it reported.
/// </summary>
public sealed record DeviceConfig
{
    public required string DeviceId { get; init; }

    /// <summary>The group whose settings it inherits, or null.</summary>
    public string? Group { get; init; }

    /// <summary>Version of the device's own document (0 before the first PUT).</summary>
    public long Version { get; init; }

    /// <summary>The device's overrides; a value here beats the group's.</summary>
    public ConfigSettings Overrides { get; init; } = new();

    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Revision of the merged desired configuration (0 before the first); goes up on every change.</summary>
    public long DesiredVersion { get; init; }

    /// <summary>The merged desired configuration last published.</summary>
    public ConfigSettings? Desired { get; init; }

    public DateTimeOffset? DesiredAt { get; init; }

    public ReportedConfig? Reported { get; init; }

    /// <summary>True when the gateway reports the current desired revision in force.</summary>
    public bool InSync => DesiredVersion > 0 && Reported?.AppliedVersion == DesiredVersion;

    /// <summary>True when there is a desired revision the gateway does not (yet) have in force.</summary>
    public bool Lagging => DesiredVersion > 0 && !InSync;
}
