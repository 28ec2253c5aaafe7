using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Cloud.Artifacts;
using Thanhhoa.Iot.Cloud.Security.Secrets;

namespace Thanhhoa.Iot.Cloud.Rollouts;

/// <summary>
/// Creating, reading, pausing, resuming and cancelling rollouts. Creation fixes the device list and its
/// waves; the <see cref="WaveEngine"/> does the rest on its ticks.
/// </summary>
public sealed class RolloutService(
    IRolloutStore store,
    IArtifactStore artifacts,
    RolloutPlanner planner,
    RolloutDelivery delivery,
    IOptions<RolloutOptions> options,
    TimeProvider time,
    ILogger<RolloutService> logger)
{
    public Task<IReadOnlyList<Rollout>> ListAsync(CancellationToken cancellationToken) => store.ListAsync(cancellationToken);

    public async Task<RolloutView?> GetAsync(string id, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } rollout
            ? RolloutView.Of(rollout, await store.ListDevicesAsync(id, cancellationToken).ConfigureAwait(false))
            : null;

    public async Task<IReadOnlyList<RolloutDevice>?> DevicesAsync(string id, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken).ConfigureAwait(false) is null ? null : await store.ListDevicesAsync(id, cancellationToken).ConfigureAwait(false);

    public async Task<RolloutResult> CreateAsync(CreateRolloutRequest request, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (RolloutRequestValidator.Check(request) is { } invalid)
        {
            return invalid;
        }

        var artifact = request.Kind == RolloutKind.Firmware ? await artifacts.GetAsync(request.ArtifactId!, cancellationToken).ConfigureAwait(false) : null;
        if (request.Kind == RolloutKind.Firmware && artifact is null)
        {
            return RolloutResult.Invalid("artifactId", $"there is no artifact '{request.ArtifactId}'; GET /api/artifacts lists the uploaded bundles.");
        }

        var target = request.Target ?? new RolloutTarget();
        var selected = (await planner.SelectAsync(target, cancellationToken).ConfigureAwait(false))
            .Where(d => artifact is null || d.Firmware != artifact.Version).Select(d => d.DeviceId).ToList();
        if (selected.Count == 0)
        {
            return RolloutResult.Invalid("target", "no device matches the target (devices already running the artifact's version are left out); GET /api/devices lists the devices and their firmware.");
        }

        if (await OverlapAsync(request.Kind, selected, cancellationToken).ConfigureAwait(false) is { } overlap)
        {
            return overlap;
        }

        var now = time.GetUtcNow();
        var id = "ro-" + RandomSecrets.Base32(12);
        var rollout = new Rollout
        {
            Id = id, Name = request.Name, Kind = request.Kind, State = RolloutState.Running,
            ArtifactId = artifact?.Id, Version = artifact?.Version, Sha256 = artifact?.Sha256, Size = artifact?.Size ?? 0, Downgrade = request.Downgrade,
            Config = request.Config, Target = target, Waves = request.Waves ?? RolloutRequestValidator.DefaultWaves,
            MinSuccessPercent = request.MinSuccessPercent, ErrorThresholdPercent = request.ErrorThresholdPercent,
            MaintenanceWindow = request.MaintenanceWindow, StallAfter = request.StallAfter ?? options.Value.DefaultStallAfter,
            DeviceCount = selected.Count, CreatedAt = now, UpdatedAt = now, CreatedBy = actor,
        };
        var devices = RolloutPlanner.Assign(id, selected, rollout.Waves);
        await store.InsertAsync(rollout, devices, RandomSecrets.Base32(32), cancellationToken).ConfigureAwait(false);
        RolloutsLog.Created(logger, id, rollout.Kind, actor, devices.Count, rollout.Waves.Count);
        return new RolloutResult(RolloutView.Of(rollout, devices), StatusCodes.Status201Created);
    }

    public Task<RolloutResult> PauseAsync(string id, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(id, actor, RolloutState.Paused, r => r.State == RolloutState.Running, "only a running rollout can be paused", cancellationToken);

    public Task<RolloutResult> ResumeAsync(string id, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(id, actor, RolloutState.Running, r => r.State == RolloutState.Paused,
            "only a paused rollout can be resumed (a halted one: find why its devices failed, cancel it and start a new one)", cancellationToken);

    /// <summary>Stops the rollout; released firmware devices that have not committed lose their desired firmware. Configuration already applied stays.</summary>
    public async Task<RolloutResult> CancelAsync(string id, string actor, CancellationToken cancellationToken)
    {
        var result = await ChangeAsync(id, actor, RolloutState.Cancelled, r => r.IsActive, "it has already finished", cancellationToken).ConfigureAwait(false);
        if (result.View is { Rollout.Kind: RolloutKind.Firmware } view)
        {
            var devices = await store.ListDevicesAsync(id, cancellationToken).ConfigureAwait(false);
            foreach (var device in devices.Where(d => d.Released && d.State != RolloutDeviceState.Committed))
            {
                await delivery.ClearFirmwareAsync(device.DeviceId, cancellationToken).ConfigureAwait(false);
            }

            return result with { View = RolloutView.Of(view.Rollout, devices) };
        }

        return result;
    }

    private async Task<RolloutResult> ChangeAsync(
        string id, string actor, RolloutState state, Func<Rollout, bool> allowed, string refusal, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (before, after) = await store.UpdateAsync(id, r => allowed(r)
            ? r with { State = state, UpdatedAt = now, Reason = $"{state.ToString().ToLowerInvariant()} by {actor}", FinishedAt = state == RolloutState.Cancelled ? now : r.FinishedAt }
            : null, cancellationToken).ConfigureAwait(false);
        if (before is null)
        {
            return RolloutResult.NotFound(id);
        }

        if (after is null)
        {
            return RolloutResult.Conflict($"rollout '{id}' is {before.State.ToString().ToLowerInvariant()}: {refusal}.");
        }

        RolloutsLog.StateChanged(logger, id, state, actor);
        return new RolloutResult(RolloutView.Of(after, await store.ListDevicesAsync(id, cancellationToken).ConfigureAwait(false)));
    }

    private async Task<RolloutResult?> OverlapAsync(RolloutKind kind, IReadOnlyList<string> selected, CancellationToken cancellationToken)
    {
        var wanted = selected.ToHashSet(StringComparer.Ordinal);
        foreach (var other in (await store.ListAsync(cancellationToken).ConfigureAwait(false)).Where(r => r.IsActive && r.Kind == kind))
        {
            var shared = (await store.ListDevicesAsync(other.Id, cancellationToken).ConfigureAwait(false)).Where(d => wanted.Contains(d.DeviceId)).Select(d => d.DeviceId).ToList();
            if (shared.Count > 0)
            {
                return RolloutResult.Conflict($"{shared.Count} of these devices ({string.Join(", ", shared.Take(5))}...) are in {kind.ToString().ToLowerInvariant()} rollout '{other.Id}', which is {other.State.ToString().ToLowerInvariant()}; cancel it or leave them out.");
            }
        }

        return null;
    }
}
