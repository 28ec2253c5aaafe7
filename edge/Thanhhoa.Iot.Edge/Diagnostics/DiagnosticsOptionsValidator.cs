using Microsoft.Extensions.Options;

namespace Thanhhoa.Iot.Edge.Diagnostics;

/// <summary>Keeps the status interval between "wears the SD card" and "too stale to tell anything".</summary>
internal sealed class DiagnosticsOptionsValidator : IValidateOptions<DiagnosticsOptions>
{
    private static readonly TimeSpan Min = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Max = TimeSpan.FromMinutes(10);

    public ValidateOptionsResult Validate(string? name, DiagnosticsOptions options) =>
        options.StatusInterval < Min || options.StatusInterval > Max
            ? ValidateOptionsResult.Fail($"Diagnostics:StatusInterval {options.StatusInterval} is out of range: use {Min} to {Max} (default 00:00:15).")
            : ValidateOptionsResult.Success;
}
