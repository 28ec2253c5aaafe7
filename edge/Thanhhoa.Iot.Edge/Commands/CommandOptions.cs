namespace Thanhhoa.Iot.Edge.Commands;

/// <summary>How the gateway runs commands from the cloud. Section <c>Commands</c>; the defaults fit a real gateway.</summary>
public sealed class CommandOptions
{
    public const string SectionName = "Commands";

    /// <summary>Longest one command may run before it fails with <c>timeout</c>.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How far the gateway's clock may be behind the cloud's before a command counts as not yet valid.</summary>
    public TimeSpan ClockTolerance { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest <c>up/cmd-result</c> payload; bigger results (e.g. logs) are cut to fit.</summary>
    public int MaxResultBytes { get; set; } = 48 * 1024;

    /// <summary>
    /// <c>auto</c>: systemd when the process runs as a systemd service and the simulation is off, none
    /// otherwise; <c>systemd</c>; <c>simulated</c> (records, changes nothing); <c>none</c> (refuses restart and reboot).
    /// </summary>
    public string HostControl { get; set; } = HostControlKinds.Auto;

    /// <summary>What <c>restart-service</c> runs (with <c>--no-block</c>, so systemd can stop this process).</summary>
    public string RestartServiceCommand { get; set; } = "systemctl --no-block restart thgw";

    /// <summary>What <c>reboot</c> runs.</summary>
    public string RebootCommand { get; set; } = "systemctl --no-block reboot";

    /// <summary>Recent log lines kept in memory for <c>upload-logs</c>.</summary>
    public int LogBufferLines { get; set; } = 500;

    /// <summary>How long executed command ids are remembered after their expiry (at-most-once across redeliveries).</summary>
    public TimeSpan JournalRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>File of the command journal in <c>Gateway:DataDirectory</c>; its log sits beside it as <c>{name}-log{ext}</c>.</summary>
    public string JournalFileName { get; set; } = "commands.db";
}
