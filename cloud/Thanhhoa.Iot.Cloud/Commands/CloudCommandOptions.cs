namespace Thanhhoa.Iot.Cloud.Commands;

/// <summary>Configuration section <c>Commands</c> of the cloud.</summary>
public sealed class CloudCommandOptions
{
    public const string Section = "Commands";

    /// <summary>How often pending commands past their expiry are marked expired and scheduled ones whose time came are sent.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Latest expiry a command may have, from its creation.</summary>
    public TimeSpan MaxLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Largest <c>args</c> object, in bytes of JSON.</summary>
    public int MaxArgumentsBytes { get; set; } = 16 * 1024;

    /// <summary>Most devices one request may address (an explicit list or a site).</summary>
    public int MaxDevicesPerRequest { get; set; } = 10_000;
}
