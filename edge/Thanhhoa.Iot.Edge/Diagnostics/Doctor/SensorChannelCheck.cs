using System.Globalization;
using Thanhhoa.Iot.Edge.Diagnostics.Checks;
using Thanhhoa.Iot.Edge.Diagnostics.Text;
using Thanhhoa.Iot.Edge.Sensing;

namespace Thanhhoa.Iot.Edge.Diagnostics.Doctor;

/// <summary>One configured channel answers a single read with a good-quality value.</summary>
public sealed class SensorChannelCheck(Texts texts, TimeProvider time, ISensorChannel channel, TimeSpan timeout) : IDiagnosticCheck
{
    public string Name => "sensor:" + channel.Id;

    public string? Progress => null;

    public async Task<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        var readout = await ChannelProbe.ReadAsync(channel, timeout, time, cancellationToken).ConfigureAwait(false);
        if (readout.IsGood)
        {
            return CheckResult.Ok(Name, texts.Format(TextKey.SensorOk, FormatValue(readout, texts.Culture), readout.Took.TotalMilliseconds));
        }

        var why = readout.Error ?? texts.Format(TextKey.SensorBadQuality, FormatValue(readout, texts.Culture), readout.Quality.ToString().ToLowerInvariant());
        return CheckResult.Fail(Name, texts.Format(TextKey.SensorFailed, why), texts.Format(TextKey.SensorFix, channel.Id));
    }

    /// <summary>The value with its unit, e.g. <c>52,13 V</c> in Vietnamese or <c>52.13 V</c> in English.</summary>
    public static string FormatValue(ChannelReadout readout, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(readout);
        return readout.Value is { } v ? $"{v.ToString("0.###", culture)} {readout.Unit}" : "—";
    }
}
