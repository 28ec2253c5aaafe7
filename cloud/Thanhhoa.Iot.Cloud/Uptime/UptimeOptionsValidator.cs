using Microsoft.Extensions.Options;

namespace Thanhhoa.Iot.Cloud.Uptime;

/// <summary>Refuses to start with ledger or autonomy settings that cannot work, naming the key.</summary>
public sealed class UptimeOptionsValidator : IValidateOptions<UptimeOptions>
{
    public ValidateOptionsResult Validate(string? name, UptimeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        Positive(errors, "Uptime:MaxSilence", options.MaxSilence, "00:05:00");
        Positive(errors, "Uptime:StateLookback", options.StateLookback, "3.00:00:00");
        Positive(errors, "Uptime:MemoryHorizon", options.MemoryHorizon, "31.00:00:00");
        var a = options.Autonomy;
        Positive(errors, "Uptime:Autonomy:Window", a.Window, "00:30:00");
        Positive(errors, "Uptime:Autonomy:MinSpan", a.MinSpan, "00:03:00");
        if (a.CutoffVolts is <= 0 or > 1000 || !double.IsFinite(a.CutoffVolts))
        {
            errors.Add($"Uptime:Autonomy:CutoffVolts {a.CutoffVolts} is not a voltage; use the load-disconnect voltage, e.g. 44.0 for a 48 V string.");
        }

        if (a.MinPoints < 2)
        {
            errors.Add($"Uptime:Autonomy:MinPoints {a.MinPoints} is too low: a trend needs at least 2 readings (default 5).");
        }

        if (a.MinSpan > a.Window)
        {
            errors.Add($"Uptime:Autonomy:MinSpan ({a.MinSpan}) is longer than Uptime:Autonomy:Window ({a.Window}); no estimate could ever be made.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Positive(List<string> errors, string key, TimeSpan value, string example)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{key} ({value}) must be positive, e.g. {example}.");
        }
    }
}
