namespace Thanhhoa.Iot.Edge.Commands;

/// <summary>Values of <c>Commands:HostControl</c>.</summary>
public static class HostControlKinds
{
    public const string Auto = "auto";
    public const string Systemd = "systemd";
    public const string Simulated = "simulated";
    public const string None = "none";

    public static readonly IReadOnlyList<string> All = [Auto, Systemd, Simulated, None];
}
