using System.Text.Json;

namespace Thanhhoa.Iot.Cloud.Commands;

/// <summary>
/// Body of <c>POST /api/commands</c>. Address exactly one of: <see cref="DeviceId"/>, <see cref="DeviceIds"/>
/// (a group as an explicit list) or <see cref="Site"/> (every known device of that site). One command is
/// created per device.
/// </summary>
public sealed record CreateCommandRequest
{
    public string? DeviceId { get; init; }

    public IReadOnlyList<string>? DeviceIds { get; init; }

    public string? Site { get; init; }

    /// <summary>ping, read-now, set-output, restart-service, reboot, get-config, upload-logs (or a type the gateway added).</summary>
    public string? Type { get; init; }

    /// <summary>Arguments of the type, a JSON object, e.g. <c>{"output":"gen_start","on":true}</c>.</summary>
    public JsonElement? Args { get; init; }

    /// <summary>Optional: not sent (and refused by the gateway) before this time.</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>Required: after this the command expires; the gateway refuses it from then on.</summary>
    public DateTimeOffset? Expires { get; init; }
}
