using Thanhhoa.Iot.Cloud.Registry;

namespace Thanhhoa.Iot.Cloud.Rollouts;

/// <summary>
/// One step of every active rollout (run by <see cref="RolloutWaveJob"/>, once per tick across the cloud
/// nodes): absorb configuration reports, mark silent devices stalled, halt on too many failures, release
/// any released wave's devices not yet sent, start the next wave when the current one succeeded and the
/// maintenance window is open, and complete when every device finished. Each step is idempotent: a tick
/// repeated or missed costs nothing but time.
/// </summary>
public sealed class WaveEngine(
    IRolloutStore store, RolloutDelivery delivery, IDeviceRegistry registry, TimeProvider time, ILogger<WaveEngine> logger) : IDisposable
{
    private readonly SemaphoreSlim _tick = new(1, 1);

    public async Task TickAsync(CancellationToken cancellationToken)
    {
        await _tick.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var rollout in (await store.ListAsync(cancellationToken).ConfigureAwait(false)).Where(r => r.IsActive))
            {
                try
                {
                    await StepAsync(rollout, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    RolloutsLog.WorkFailed(logger, $"step of {rollout.Id}", ex);
                }
            }
        }
        finally
        {
            _tick.Release();
        }
    }

    public void Dispose() => _tick.Dispose();

    private async Task StepAsync(Rollout rollout, CancellationToken cancellationToken)
    {
        var devices = await store.ListDevicesAsync(rollout.Id, cancellationToken).ConfigureAwait(false);
        if (rollout.Kind == RolloutKind.Config)
        {
            devices = await delivery.AbsorbConfigReportsAsync(rollout, devices, cancellationToken).ConfigureAwait(false);
        }

        devices = await MarkStalledAsync(rollout, devices, cancellationToken).ConfigureAwait(false);
        if (rollout.State != RolloutState.Running)
        {
            return;
        }

        if (HaltReason(rollout, devices) is { } reason)
        {
            await FinishAsync(rollout, RolloutState.Halted, reason, cancellationToken).ConfigureAwait(false);
            RolloutsLog.Halted(logger, rollout.Id, reason);
            return;
        }

        if (rollout.CurrentWave == rollout.Waves.Count - 1 && devices.All(d => d.Finished))
        {
            await FinishAsync(rollout, RolloutState.Completed, null, cancellationToken).ConfigureAwait(false);
            RolloutsLog.Completed(logger, rollout.Id);
            return;
        }

        if (CanStartNextWave(rollout, devices) && await StartWaveAsync(rollout, cancellationToken).ConfigureAwait(false) is { } started)
        {
            rollout = started;
        }

        await ReleaseAsync(rollout, devices.Where(d => d.Wave <= rollout.CurrentWave && !d.Released).ToList(), cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<RolloutDevice>> MarkStalledAsync(Rollout rollout, IReadOnlyList<RolloutDevice> devices, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var result = devices.ToList();
        for (var i = 0; i < result.Count; i++)
        {
            var d = result[i];
            if (!d.Released || d.Finished || d.State == RolloutDeviceState.Stalled || (d.LastProgressAt ?? d.ReleasedAt!.Value) + rollout.StallAfter > now)
            {
                continue;
            }

            var state = await registry.GetAsync(d.DeviceId, cancellationToken).ConfigureAwait(false);
            var reason = state is { Online: true }
                ? $"no progress for {rollout.StallAfter} (online)"
                : $"offline since {(state?.StateChangedAt ?? state?.LastSeen)?.ToString("u", System.Globalization.CultureInfo.InvariantCulture) ?? "never seen"}";
            var updated = await store.UpdateDeviceAsync(rollout.Id, d.DeviceId, current =>
                current.Finished || current.State == RolloutDeviceState.Stalled || (current.LastProgressAt ?? current.ReleasedAt) + rollout.StallAfter > now
                    ? null
                    : current with { State = RolloutDeviceState.Stalled, Reason = reason }, cancellationToken).ConfigureAwait(false);
            if (updated is not null)
            {
                result[i] = updated;
                RolloutsLog.Stalled(logger, d.DeviceId, rollout.Id, reason);
            }
        }

        return result;
    }

    /// <summary>Failed and rolled-back devices as a share of the released ones: a lower bound of the final failure rate, so it may halt early, never late.</summary>
    private static string? HaltReason(Rollout rollout, IReadOnlyList<RolloutDevice> devices)
    {
        var released = devices.Count(d => d.Released);
        var failed = devices.Count(d => d.Released && d.Failure);
        return released > 0 && failed * 100 > rollout.ErrorThresholdPercent * released
            ? $"{failed} of {released} released devices failed or rolled back ({failed * 100.0 / released:0.#}%), above the error threshold of {rollout.ErrorThresholdPercent}%"
            : null;
    }

    private bool CanStartNextWave(Rollout rollout, IReadOnlyList<RolloutDevice> devices)
    {
        if (rollout.CurrentWave >= rollout.Waves.Count - 1 || rollout.MaintenanceWindow?.IsOpen(time.GetUtcNow()) == false)
        {
            return false;
        }

        var current = devices.Where(d => d.Wave == rollout.CurrentWave).ToList();
        return rollout.CurrentWave < 0 || current.Count(d => d.State == RolloutDeviceState.Committed) * 100 >= rollout.MinSuccessPercent * current.Count;
    }

    private async Task<Rollout?> StartWaveAsync(Rollout rollout, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (_, after) = await store.UpdateAsync(rollout.Id, r => r.State != RolloutState.Running || r.CurrentWave != rollout.CurrentWave
            ? null
            : r with { CurrentWave = r.CurrentWave + 1, WaveStartedAt = [.. r.WaveStartedAt, now], UpdatedAt = now }, cancellationToken).ConfigureAwait(false);
        return after;
    }

    private async Task ReleaseAsync(Rollout rollout, IReadOnlyList<RolloutDevice> due, CancellationToken cancellationToken)
    {
        if (due.Count == 0)
        {
            return;
        }

        if (rollout.Kind == RolloutKind.Firmware)
        {
            // Stored as released before the publish: a fast gateway's first report must find its entry released.
            var now = time.GetUtcNow();
            var marked = due.Select(d => d with { ReleasedAt = now, LastProgressAt = now }).ToList();
            await store.SaveDevicesAsync(marked, cancellationToken).ConfigureAwait(false);
            foreach (var device in marked)
            {
                await delivery.PublishFirmwareAsync(rollout, device.DeviceId, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            var released = new List<RolloutDevice>(due.Count);
            foreach (var device in due)
            {
                released.Add(await delivery.ReleaseConfigAsync(rollout, device, cancellationToken).ConfigureAwait(false));
            }

            await store.SaveDevicesAsync(released, cancellationToken).ConfigureAwait(false);
        }

        RolloutsLog.WaveStarted(logger, rollout.Id, rollout.CurrentWave, due.Count);
    }

    private async Task FinishAsync(Rollout rollout, RolloutState state, string? reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await store.UpdateAsync(rollout.Id, r => r.State != RolloutState.Running
            ? null
            : r with { State = state, Reason = reason, UpdatedAt = now, FinishedAt = now }, cancellationToken).ConfigureAwait(false);
    }
}
