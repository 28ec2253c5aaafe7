namespace Thanhhoa.Iot.Edge.Firmware;

/// <summary>
/// Files under <see cref="FirmwareOptions.SlotsRoot"/>: <c>slots/a</c>, <c>slots/b</c>, <c>current</c>,
/// <c>slot-state.json</c> (which slot is committed, which is on trial) and <c>trial-starts</c> (the boot counter).
/// </summary>
public sealed class SlotLayout(string root)
{
    public const string SlotsFolder = "slots";

    /// <summary>The two slots.</summary>
    public static readonly string[] Slots = ["a", "b"];

    /// <summary>Written into each installed slot: the version it holds.</summary>
    public const string VersionFile = "thgw-version";

    public string Root { get; } = root;

    public string StatePath => Path.Combine(Root, "slot-state.json");

    public string TrialStartsPath => Path.Combine(Root, "trial-starts");

    public string SlotPath(string slot) => Path.Combine(Root, SlotsFolder, slot);

    /// <summary>The slot that is not <paramref name="slot"/>.</summary>
    public static string Other(string? slot) => slot == "a" ? "b" : "a";
}
