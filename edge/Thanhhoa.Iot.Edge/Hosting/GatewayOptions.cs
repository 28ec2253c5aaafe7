namespace Thanhhoa.Iot.Edge.Hosting;

/// <summary>Who this gateway is and where it keeps its state. Section <c>Gateway</c>.</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>The device id on the wire and the MQTT client id: 1–64 of <c>[a-z0-9_-]</c>.</summary>
    public string DeviceId { get; set; } = string.Empty;

    /// <summary>Where the outbox and the uplink's session counter live. Must survive reboots.</summary>
    public string DataDirectory { get; set; } = "/var/lib/thgw";

    /// <summary>Optional site code the gateway is bound to; sent in the birth message.</summary>
    public string? Site { get; set; }

    /// <summary>Firmware version reported in the birth message; defaults to this build's version.</summary>
    public string? Firmware { get; set; }
}
