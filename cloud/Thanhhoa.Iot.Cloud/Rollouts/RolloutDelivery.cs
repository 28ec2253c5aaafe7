using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Cloud.Commands;
using Thanhhoa.Iot.Cloud.DesiredConfig;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Contracts.Topics;

namespace Thanhhoa.Iot.Cloud.Rollouts;

/// <summary>
/// What a released device gets: firmware as a retained FirmwareDesired on its down/firmware (the artifact's
/// URL carries the rollout's download token), configuration as a new desired revision through
/// <see cref="DesiredConfigService"/> (retained down/config). Cancelling clears the retained firmware
/// (an empty retained payload: no desired firmware).
/// </summary>
public sealed class RolloutDelivery(
    IRolloutStore store, IDownlinkPublisher publisher, DesiredConfigService config, IServer server, IOptions<RolloutOptions> options, TimeProvider time)
{
    public async Task PublishFirmwareAsync(Rollout rollout, string deviceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        var token = await store.DownloadTokenAsync(rollout.Id, cancellationToken).ConfigureAwait(false);
        var payload = JsonCodec.Encode(new FirmwareDesired
        {
            Version = ContractInfo.Version,
            RolloutId = rollout.Id,
            FirmwareVersion = rollout.Version!,
            Url = ContentUrl(rollout.ArtifactId!, token!),
            Size = rollout.Size,
            Sha256 = rollout.Sha256!,
            Timestamp = time.GetUtcNow(),
            Downgrade = rollout.Downgrade,
        });
        await publisher.PublishAsync(new DownlinkMessage(deviceId, TopicKind.Firmware, payload, Retain: true), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An empty retained payload on down/firmware: the device has no desired firmware any more.</summary>
    public Task ClearFirmwareAsync(string deviceId, CancellationToken cancellationToken) =>
        publisher.PublishAsync(new DownlinkMessage(deviceId, TopicKind.Firmware, [], Retain: true), cancellationToken);

    /// <summary>Gives the device the rollout's settings as its overrides (over the ones it has) and records the desired revision that makes.</summary>
    public async Task<RolloutDevice> ReleaseConfigAsync(Rollout rollout, RolloutDevice device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        ArgumentNullException.ThrowIfNull(device);
        var now = time.GetUtcNow();
        var current = await config.GetDeviceAsync(device.DeviceId, cancellationToken).ConfigureAwait(false);
        var settings = ConfigMerger.Merge(current?.Overrides, rollout.Config);
        var result = await config.PutDeviceAsync(device.DeviceId, new PutDeviceRequest(current?.Group, settings), cancellationToken).ConfigureAwait(false);
        if (result.Outcome != ConfigChange.Saved)
        {
            return device with { ReleasedAt = now, LastProgressAt = now, FinishedAt = now, State = RolloutDeviceState.Failed, Reason = $"the cloud refused the configuration: {result.Detail}" };
        }

        var after = await config.GetDeviceAsync(device.DeviceId, cancellationToken).ConfigureAwait(false);
        return device with { ReleasedAt = now, LastProgressAt = now, TargetConfigVersion = after!.DesiredVersion };
    }

    /// <summary>Config rollouts: what each released device reported on up/config-reported (kept by the desired-config service) moves it to committed or failed.</summary>
    public async Task<IReadOnlyList<RolloutDevice>> AbsorbConfigReportsAsync(Rollout rollout, IReadOnlyList<RolloutDevice> devices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(devices);
        var now = time.GetUtcNow();
        var result = devices.ToList();
        for (var i = 0; i < result.Count; i++)
        {
            var d = result[i];
            if (!d.Released || d.Finished || d.TargetConfigVersion is not { } target
                || (await config.GetDeviceAsync(d.DeviceId, cancellationToken).ConfigureAwait(false))?.Reported is not { } reported)
            {
                continue;
            }

            RolloutDevice? next = reported.AppliedVersion >= target
                ? d with { State = RolloutDeviceState.Committed, Running = reported.AppliedVersion.ToString(), FinishedAt = now, LastProgressAt = now, Reason = null }
                : reported.Status == ConfigReportStatus.Refused && reported.Version == target
                    ? d with { State = RolloutDeviceState.Failed, FinishedAt = now, LastProgressAt = now, Reason = $"refused at {reported.Field ?? "$"}: {reported.Reason}" }
                    : null;
            if (next is not null)
            {
                await store.SaveDevicesAsync([next], cancellationToken).ConfigureAwait(false);
                result[i] = next;
            }
        }

        return result;
    }

    private string ContentUrl(string artifactId, string token)
    {
        var baseUrl = options.Value.PublicBaseUrl
            ?? server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The cloud has no HTTP listener to put in download URLs; set Rollouts:PublicBaseUrl.");
        return $"{baseUrl.TrimEnd('/')}/api/artifacts/{Uri.EscapeDataString(artifactId)}/content?token={Uri.EscapeDataString(token)}";
    }
}
