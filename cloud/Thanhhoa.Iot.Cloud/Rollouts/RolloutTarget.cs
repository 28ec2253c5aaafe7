namespace Thanhhoa.Iot.Cloud.Rollouts;

/// <summary>
/// Which devices a rollout covers: every known device (registry) that matches all the given filters; a
/// filter left empty matches everything. Districts and site kinds come from the device's site (its birth's
/// <c>site</c> in the site catalogue), versions from the firmware in its birth, groups from its desired-config group.
/// </summary>
/// <param name="DeviceIds">Explicit device ids.</param>
/// <param name="Districts">District codes or names (GSO).</param>
/// <param name="SiteKinds"><c>bts</c> or <c>hamlet</c>.</param>
/// <param name="CurrentVersions">Firmware versions the device runs now.</param>
/// <param name="Groups">Desired-configuration groups (the platform's device tags).</param>
public sealed record RolloutTarget(
    IReadOnlyList<string>? DeviceIds = null,
    IReadOnlyList<string>? Districts = null,
    IReadOnlyList<string>? SiteKinds = null,
    IReadOnlyList<string>? CurrentVersions = null,
    IReadOnlyList<string>? Groups = null);
