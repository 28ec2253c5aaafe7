using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Contracts;

namespace Thanhhoa.Iot.Edge.Hosting;

/// <summary>Refuses to start a gateway without a legal identity or data directory.</summary>
internal sealed class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        var failures = new List<string>();
        if (!ContractInfo.IsValidId(options.DeviceId))
        {
            failures.Add($"Gateway:DeviceId '{options.DeviceId}' is not a valid device id: set it to 1–{ContractInfo.MaxIdLength} of a-z, 0-9, '_' or '-' (the id printed on the enrollment token).");
        }

        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add("Gateway:DataDirectory is empty: set it to a writable directory that survives reboots, e.g. /var/lib/thgw.");
        }

        if (options.Site is not null && !ContractInfo.IsValidId(options.Site))
        {
            failures.Add($"Gateway:Site '{options.Site}' is not a valid site code: use a-z, 0-9, '_' or '-', or leave it unset.");
        }

        if (options.Firmware is { Length: > 64 })
        {
            failures.Add($"Gateway:Firmware is {options.Firmware.Length} characters; the contract allows 64. Shorten it or leave it unset.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
