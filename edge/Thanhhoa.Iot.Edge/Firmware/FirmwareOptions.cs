namespace Thanhhoa.Iot.Edge.Firmware;

/// <summary>Remote firmware rollout (<c>down/firmware</c>). Section <c>Firmware</c>.</summary>
public sealed class FirmwareOptions
{
    public const string SectionName = "Firmware";

    /// <summary>Off by default: a gateway installed without the slot layout ignores <c>down/firmware</c>.</summary>
    public bool Enabled { get; set; }

    /// <summary>This gateway's hardware id; bundles for other hardware are refused.</summary>
    public string Hardware { get; set; } = "rpi-arm64";

    /// <summary>
    /// Root of the A/B layout: <c>slots/a</c>, <c>slots/b</c>, the <c>current</c> symlink systemd starts
    /// thgw through, and the slot state. Must survive reboots.
    /// </summary>
    public string SlotsRoot { get; set; } = "/opt/thgw";

    /// <summary>Where bundles are downloaded (partial files survive restarts); default <c>{Gateway:DataDirectory}/firmware</c>.</summary>
    public string? DownloadDirectory { get; set; }

    /// <summary>Trusted signing keys: paths of PEM public key files, or the PEM text itself.</summary>
    public List<string> TrustedKeys { get; set; } = [];

    /// <summary>Download bandwidth cap in bytes per second; 0 for none.</summary>
    public long MaxBytesPerSecond { get; set; }

    /// <summary>How long a trial slot has after its start to report healthy (connected, sensors read, outbox writable).</summary>
    public TimeSpan HealthWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Starts of a trial slot without a commit after which the gateway rolls back (crash loop).</summary>
    public int MaxTrialStarts { get; set; } = 3;

    /// <summary>At most one <c>downloading</c> report per this interval.</summary>
    public TimeSpan ProgressReportInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Wait between download attempts after a dropped connection.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Download attempts per rollout before it is reported failed (each resumes where the last stopped).</summary>
    public int MaxDownloadAttempts { get; set; } = 20;

    /// <summary>Free bytes to leave on the disk beyond the bundle and its unpacked copy.</summary>
    public long FreeSpaceMarginBytes { get; set; } = 64L * 1024 * 1024;
}
