using Thanhhoa.Iot.Cloud.Commands;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Contracts.Topics;

namespace Thanhhoa.Iot.Cloud.DesiredConfig;

/// <summary>
/// Desired configuration per group and per device: versioned documents, merged leaf by leaf (device over
/// group) into each gateway's desired revision, published retained on down/config whenever the merged
/// result changes; the gateways' reports are kept beside it, so desired vs reported and the laggards are
/// visible. Changes are serialised (they are rare) and stored before they are published.
/// </summary>
public sealed class DesiredConfigService(IDesiredConfigStore store, IDownlinkPublisher publisher, TimeProvider time, ILogger<DesiredConfigService> logger) : IDisposable
{
    private readonly SemaphoreSlim _changes = new(1, 1);

    public Task<IReadOnlyList<ConfigGroup>> ListGroupsAsync(CancellationToken cancellationToken) => store.ListGroupsAsync(cancellationToken);

    public Task<ConfigGroup?> GetGroupAsync(string name, CancellationToken cancellationToken) => store.GetGroupAsync(name, cancellationToken);

    public Task<DeviceConfig?> GetDeviceAsync(string deviceId, CancellationToken cancellationToken) => store.GetDeviceAsync(deviceId, cancellationToken);

    public Task<IReadOnlyList<DeviceConfig>> ListDevicesAsync(CancellationToken cancellationToken) => store.ListDevicesAsync(cancellationToken);

    public async Task<ConfigChangeResult> PutGroupAsync(string name, PutGroupRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Invalid(request.Settings ?? new ConfigSettings()) is { } invalid)
        {
            return invalid;
        }

        await _changes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = await store.GetGroupAsync(name, cancellationToken).ConfigureAwait(false);
            if (request.ExpectedVersion is { } expected && expected != (current?.Version ?? 0))
            {
                return Conflict($"group '{name}' is at version {current?.Version ?? 0}, not {expected}; reload it and apply your change again");
            }

            var group = new ConfigGroup(name, (current?.Version ?? 0) + 1, request.Settings ?? new ConfigSettings(), time.GetUtcNow());
            var members = await store.ListMembersAsync(name, cancellationToken).ConfigureAwait(false);
            return await RecomputeAsync(members, group, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _changes.Release();
        }
    }

    public async Task<ConfigChangeResult> DeleteGroupAsync(string name, CancellationToken cancellationToken)
    {
        await _changes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (await store.GetGroupAsync(name, cancellationToken).ConfigureAwait(false) is null)
            {
                return new ConfigChangeResult(ConfigChange.NotFound);
            }

            var members = await store.ListMembersAsync(name, cancellationToken).ConfigureAwait(false);
            if (members.Count > 0)
            {
                return Conflict($"group '{name}' still has {members.Count} gateways ({string.Join(", ", members.Take(5).Select(m => m.DeviceId))}...); move them to another group or none first");
            }

            await store.DeleteGroupAsync(name, cancellationToken).ConfigureAwait(false);
            return new ConfigChangeResult(ConfigChange.Saved);
        }
        finally
        {
            _changes.Release();
        }
    }

    public async Task<ConfigChangeResult> PutDeviceAsync(string deviceId, PutDeviceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Invalid(request.Settings ?? new ConfigSettings()) is { } invalid)
        {
            return invalid;
        }

        await _changes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (request.Group is { } g && await store.GetGroupAsync(g, cancellationToken).ConfigureAwait(false) is null)
            {
                return new ConfigChangeResult(ConfigChange.Invalid, "group", $"there is no group '{g}'; create it with PUT /api/config/groups/{g} first");
            }

            var current = await store.GetDeviceAsync(deviceId, cancellationToken).ConfigureAwait(false) ?? new DeviceConfig { DeviceId = deviceId };
            if (request.ExpectedVersion is { } expected && expected != current.Version)
            {
                return Conflict($"the document of '{deviceId}' is at version {current.Version}, not {expected}; reload it and apply your change again");
            }

            var device = current with
            {
                Group = request.Group, Overrides = request.Settings ?? new ConfigSettings(), Version = current.Version + 1, UpdatedAt = time.GetUtcNow(),
            };
            return await RecomputeAsync([device], null, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _changes.Release();
        }
    }

    /// <summary>Stores a gateway's report beside its desired configuration.</summary>
    public async Task RecordReportAsync(string deviceId, ConfigReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var reported = new ReportedConfig(report.ConfigVersion, report.Status, report.AppliedVersion, report.Field, report.Reason, report.Timestamp, time.GetUtcNow());
        await store.UpdateDeviceAsync(deviceId, d => d with { Reported = reported }, cancellationToken).ConfigureAwait(false);
        if (report.Status == ConfigReportStatus.Applied)
        {
            DesiredConfigLog.Applied(logger, deviceId, report.ConfigVersion);
        }
        else
        {
            DesiredConfigLog.Refused(logger, deviceId, report.ConfigVersion, report.Field ?? "$", report.Reason ?? string.Empty);
        }
    }

    /// <summary>Publishes a gateway's current desired revision again (retained), e.g. after its birth.</summary>
    public async Task RepublishAsync(DeviceConfig device, CancellationToken cancellationToken)
    {
        if (device.Desired is not null)
        {
            await PublishAsync(device, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => _changes.Dispose();

    private async Task<ConfigChangeResult> RecomputeAsync(IReadOnlyList<DeviceConfig> devices, ConfigGroup? changedGroup, CancellationToken cancellationToken)
    {
        var groups = new Dictionary<string, ConfigGroup?>(StringComparer.Ordinal);
        if (changedGroup is not null)
        {
            groups[changedGroup.Name] = changedGroup;
        }

        var now = time.GetUtcNow();
        var saved = new List<DeviceConfig>();
        var republish = new List<DeviceConfig>();
        foreach (var device in devices)
        {
            var group = device.Group is null ? null : groups.TryGetValue(device.Group, out var known) ? known
                : groups[device.Group] = await store.GetGroupAsync(device.Group, cancellationToken).ConfigureAwait(false);
            var merged = ConfigMerger.Merge(group?.Settings, device.Overrides);
            var changed = device.Desired is null || ConfigDocuments.Json(merged) != ConfigDocuments.Json(device.Desired);
            var next = changed ? device with { Desired = merged, DesiredVersion = device.DesiredVersion + 1, DesiredAt = now } : device;
            saved.Add(next);
            if (changed)
            {
                republish.Add(next);
            }
        }

        await store.SaveAsync(saved, changedGroup, cancellationToken).ConfigureAwait(false);
        foreach (var device in republish)
        {
            await PublishAsync(device, cancellationToken).ConfigureAwait(false);
        }

        return new ConfigChangeResult(ConfigChange.Saved, Republished: republish.Count);
    }

    private async Task PublishAsync(DeviceConfig device, CancellationToken cancellationToken)
    {
        var payload = JsonCodec.Encode(new Contracts.Messages.DesiredConfigMessage
        {
            Version = ContractInfo.Version,
            ConfigVersion = device.DesiredVersion,
            Timestamp = device.DesiredAt!.Value,
            Settings = device.Desired!,
        });
        await publisher.PublishAsync(new DownlinkMessage(device.DeviceId, TopicKind.Config, payload, Retain: true), cancellationToken).ConfigureAwait(false);
        DesiredConfigLog.Published(logger, device.DeviceId, device.DesiredVersion);
    }

    private static ConfigChangeResult? Invalid(ConfigSettings settings)
    {
        try
        {
            MessageValidator.Validate(settings, "settings");
            return null;
        }
        catch (ContractViolationException ex)
        {
            return new ConfigChangeResult(ConfigChange.Invalid, ex.Field, ex.Detail);
        }
    }

    private static ConfigChangeResult Conflict(string detail) => new(ConfigChange.Conflict, null, detail);
}
