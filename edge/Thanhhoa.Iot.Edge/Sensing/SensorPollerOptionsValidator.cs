using Microsoft.Extensions.Options;

namespace Thanhhoa.Iot.Edge.Sensing;

/// <summary>Checks <see cref="SensorPollerOptions"/> at start.</summary>
internal sealed class SensorPollerOptionsValidator : IValidateOptions<SensorPollerOptions>
{
    public ValidateOptionsResult Validate(string? name, SensorPollerOptions options) =>
        options.ReadTimeout < TimeSpan.FromMilliseconds(1) || options.ReadTimeout > TimeSpan.FromMinutes(1)
            ? ValidateOptionsResult.Fail($"Sensing:ReadTimeout {options.ReadTimeout} is out of range: use 00:00:00.001 to 00:01:00 (default 00:00:02).")
            : ValidateOptionsResult.Success;
}
