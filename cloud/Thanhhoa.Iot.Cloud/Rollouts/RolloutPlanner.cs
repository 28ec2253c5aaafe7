using System.Security.Cryptography;
using System.Text;
using Thanhhoa.Iot.Cloud.DesiredConfig;
using Thanhhoa.Iot.Cloud.Registry;
using Thanhhoa.Iot.Cloud.Sites;

namespace Thanhhoa.Iot.Cloud.Rollouts;

/// <summary>
/// Chooses a rollout's devices (registry × site catalogue × config groups, by <see cref="RolloutTarget"/>)
/// and cuts them into waves. The order is a hash of rollout id and device id: each rollout's canary is a
/// different, district-blind sample, and the same rollout always cuts the same way.
/// </summary>
public sealed class RolloutPlanner(IDeviceRegistry registry, ISiteCatalog sites, IDesiredConfigStore configs)
{
    public async Task<IReadOnlyList<DeviceState>> SelectAsync(RolloutTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var known = await registry.ListAsync(cancellationToken).ConfigureAwait(false);
        var candidates = known.ToList();
        if (target.DeviceIds is { Count: > 0 } ids)
        {
            var set = ids.ToHashSet(StringComparer.Ordinal);
            candidates = candidates.Where(d => set.Contains(d.DeviceId)).ToList();

            // Listed but never seen: it gets its desired firmware or config when it first connects.
            candidates.AddRange(set.Except(known.Select(d => d.DeviceId), StringComparer.Ordinal).Select(id => new DeviceState { DeviceId = id }));
        }

        if (target.CurrentVersions is { Count: > 0 } versions)
        {
            candidates = candidates.Where(d => d.Firmware is not null && versions.Contains(d.Firmware, StringComparer.Ordinal)).ToList();
        }

        if (target.Districts is { Count: > 0 } || target.SiteKinds is { Count: > 0 })
        {
            var catalog = (await sites.ListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(s => s.Code, StringComparer.Ordinal);
            candidates = candidates.Where(d => d.Site is not null && catalog.TryGetValue(d.Site, out var site) && SiteMatches(target, site)).ToList();
        }

        if (target.Groups is { Count: > 0 } groups)
        {
            var members = (await configs.ListDevicesAsync(cancellationToken).ConfigureAwait(false))
                .Where(c => c.Group is not null && groups.Contains(c.Group, StringComparer.Ordinal)).Select(c => c.DeviceId).ToHashSet(StringComparer.Ordinal);
            candidates = candidates.Where(d => members.Contains(d.DeviceId)).ToList();
        }

        return candidates;
    }

    /// <summary>Orders the devices by hash and gives each its wave: wave i holds the devices up to ceil(N × waves[i] / 100), at least one in the first.</summary>
    public static IReadOnlyList<RolloutDevice> Assign(string rolloutId, IEnumerable<string> deviceIds, IReadOnlyList<int> waves)
    {
        ArgumentNullException.ThrowIfNull(waves);
        var ordered = deviceIds.OrderBy(id => Order(rolloutId, id), StringComparer.Ordinal).ToList();
        var result = new List<RolloutDevice>(ordered.Count);
        var wave = 0;
        for (var i = 0; i < ordered.Count; i++)
        {
            while (wave < waves.Count - 1 && i >= Math.Max(1, (int)Math.Ceiling(ordered.Count * waves[wave] / 100.0)))
            {
                wave++;
            }

            result.Add(new RolloutDevice { RolloutId = rolloutId, DeviceId = ordered[i], Wave = wave });
        }

        return result;
    }

    private static bool SiteMatches(RolloutTarget target, Site site) =>
        (target.Districts is not { Count: > 0 } d || d.Contains(site.DistrictCode, StringComparer.Ordinal) || d.Contains(site.DistrictName, StringComparer.OrdinalIgnoreCase))
        && (target.SiteKinds is not { Count: > 0 } k || k.Contains(site.Kind == SiteKind.Bts ? "bts" : "hamlet", StringComparer.OrdinalIgnoreCase));

    private static string Order(string rolloutId, string deviceId) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(rolloutId + "/" + deviceId)));
}
