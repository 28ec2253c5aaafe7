using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Contracts;

namespace Thanhhoa.Iot.Edge.Firmware;

/// <summary>Checks <see cref="FirmwareOptions"/> at start; only when enabled is a trusted key required.</summary>
internal sealed class FirmwareOptionsValidator : IValidateOptions<FirmwareOptions>
{
    public ValidateOptionsResult Validate(string? name, FirmwareOptions options)
    {
        var failures = new List<string>();
        if (!ContractInfo.IsValidId(options.Hardware))
        {
            failures.Add($"Firmware:Hardware '{options.Hardware}' is not a hardware id; use 1-64 of a-z, 0-9, '_' or '-', e.g. rpi-arm64.");
        }

        if (options.Enabled && options.TrustedKeys.Count == 0)
        {
            failures.Add("Firmware:Enabled is true but Firmware:TrustedKeys is empty; add the path of the .pub.pem written by 'thgw bundle keygen'.");
        }

        if (options.Enabled && string.IsNullOrWhiteSpace(options.SlotsRoot))
        {
            failures.Add("Firmware:SlotsRoot is empty; set it to the folder holding slots/ and the current symlink, e.g. /opt/thgw.");
        }

        if (options.HealthWindow <= TimeSpan.Zero || options.HealthWindow > TimeSpan.FromHours(1))
        {
            failures.Add($"Firmware:HealthWindow {options.HealthWindow} is out of range; use 00:00:10 to 01:00:00.");
        }

        if (options.MaxTrialStarts is < 1 or > 20)
        {
            failures.Add($"Firmware:MaxTrialStarts {options.MaxTrialStarts} is out of range; use 1 to 20.");
        }

        if (options.MaxBytesPerSecond < 0 || options.FreeSpaceMarginBytes < 0 || options.MaxDownloadAttempts < 1)
        {
            failures.Add("Firmware:MaxBytesPerSecond and FreeSpaceMarginBytes must be 0 or more, MaxDownloadAttempts 1 or more.");
        }

        if (options.ProgressReportInterval < TimeSpan.Zero || options.RetryDelay < TimeSpan.Zero)
        {
            failures.Add("Firmware:ProgressReportInterval and RetryDelay must not be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
