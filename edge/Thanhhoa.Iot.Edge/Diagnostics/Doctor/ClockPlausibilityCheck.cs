using Thanhhoa.Iot.Edge.Diagnostics.Checks;
using Thanhhoa.Iot.Edge.Diagnostics.Text;

namespace Thanhhoa.Iot.Edge.Diagnostics.Doctor;

/// <summary>
/// The wall clock is plausible: not before this release existed, and not behind files this gateway
/// wrote earlier (a board without a real-time clock that booted without NTP starts in the past).
/// TLS certificates and reading timestamps both need it.
/// </summary>
public sealed class ClockPlausibilityCheck(Texts texts, TimeProvider time, string dataDirectory) : IDiagnosticCheck
{
    /// <summary>No correct clock reads earlier than this: this software did not exist before it.</summary>
    public static readonly DateTimeOffset Earliest = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>File times up to this far ahead of the clock are normal (copies, coarse timestamps).</summary>
    public static readonly TimeSpan FileSlack = TimeSpan.FromMinutes(5);

    /// <summary>systemd-timesyncd creates this file once it has synchronised the clock.</summary>
    public const string TimesyncFlag = "/run/systemd/timesync/synchronized";

    public string Name => "clock";

    public string? Progress => null;

    public Task<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var shown = now.ToString("u", texts.Culture);
        if (now < Earliest)
        {
            return Task.FromResult(CheckResult.Fail(Name, texts.Format(TextKey.ClockTooEarly, shown, Earliest.ToString("yyyy-MM-dd", texts.Culture)), texts[TextKey.ClockFix]));
        }

        var newest = NewestFile(dataDirectory);
        if (newest is { } file && file.WrittenAt > now + FileSlack)
        {
            return Task.FromResult(CheckResult.Fail(
                Name, texts.Format(TextKey.ClockBehindFiles, shown, file.Path, file.WrittenAt.ToString("u", texts.Culture)), texts[TextKey.ClockFix]));
        }

        var sync = File.Exists(TimesyncFlag) ? texts[TextKey.ClockNtpSynced] : texts[TextKey.ClockNtpUnknown];
        return Task.FromResult(CheckResult.Ok(Name, texts.Format(TextKey.ClockPlausible, shown, sync)));
    }

    private static (string Path, DateTimeOffset WrittenAt)? NewestFile(string directory)
    {
        try
        {
            return new DirectoryInfo(directory).Exists
                ? new DirectoryInfo(directory).EnumerateFiles("*", SearchOption.AllDirectories)
                    .Select(f => (f.FullName, new DateTimeOffset(f.LastWriteTimeUtc, TimeSpan.Zero)))
                    .OrderByDescending(f => f.Item2)
                    .Select(f => ((string, DateTimeOffset)?)f)
                    .FirstOrDefault()
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null; // the data-dir check reports access problems
        }
    }
}
