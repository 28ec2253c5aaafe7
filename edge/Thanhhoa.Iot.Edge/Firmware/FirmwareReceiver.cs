using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Firmware;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Edge.Firmware;

/// <summary>
/// Takes <c>down/firmware</c> (retained, so it arrives again after every reconnect and restart): starts a
/// rollout in the background for a new rollout id, cancels it when the desire is cleared (empty payload)
/// or replaced, and leaves alone a rollout this gateway already finished or has on trial. A refused
/// rollout is not tried again in this process; a failed one (download gave up) is, when it arrives again.
/// </summary>
public sealed class FirmwareReceiver(
    FirmwareRollout rollout,
    FirmwareReporter reporter,
    RunningFirmware running,
    SlotStateStore store,
    IOptions<FirmwareOptions> options,
    ILogger<FirmwareReceiver> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<string> _answered = new(StringComparer.Ordinal);
    private (string RolloutId, CancellationTokenSource Stop, Task Run)? _job;

    /// <summary>The rollout running in the background, if any (tests await it).</summary>
    public Task Current => _job?.Run ?? Task.CompletedTask;

    public async Task ReceiveAsync(ReadOnlyMemory<byte> payload, string? contentType, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            FirmwareLog.Ignored(logger, "Firmware:Enabled is false");
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await DecideAsync(payload, contentType, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task DecideAsync(ReadOnlyMemory<byte> payload, string? contentType, CancellationToken cancellationToken)
    {
        if (payload.IsEmpty)
        {
            await StopAsync().ConfigureAwait(false);
            return;
        }

        FirmwareDesired desired;
        try
        {
            desired = PayloadCodec.DecodeFirmwareDesired(contentType, payload.Span);
        }
        catch (ContractViolationException ex)
        {
            FirmwareLog.Ignored(logger, ex.Message);
            return;
        }

        if (_job is { } job && job.RolloutId == desired.RolloutId && !job.Run.IsCompleted
            || Answered(desired.RolloutId) || Finished(desired.RolloutId))
        {
            return;
        }

        await StopAsync().ConfigureAwait(false);
        var version = running.Version;
        if (SemanticVersion.TryParse(version, out var now) && now == SemanticVersion.Parse(desired.FirmwareVersion))
        {
            lock (_answered)
            {
                _answered.Add(desired.RolloutId);
            }

            await reporter.ReportAsync(desired.RolloutId, FirmwareState.Committed, version, desired.FirmwareVersion, null, cancellationToken).ConfigureAwait(false);
            return;
        }

        var stop = new CancellationTokenSource();
        _job = (desired.RolloutId, stop, Task.Run(() => RunAsync(desired, version, stop.Token), CancellationToken.None));
    }

    private async Task RunAsync(FirmwareDesired desired, string version, CancellationToken cancellationToken)
    {
        if (await rollout.RunAsync(desired, version, cancellationToken).ConfigureAwait(false) is FirmwareState.Refused)
        {
            lock (_answered)
            {
                _answered.Add(desired.RolloutId);
            }
        }
    }

    private bool Answered(string rolloutId)
    {
        lock (_answered)
        {
            return _answered.Contains(rolloutId);
        }
    }

    /// <summary>True when the slot state shows this rollout on trial or already ended (committed or rolled back).</summary>
    private bool Finished(string rolloutId) =>
        store.Load() is { } state && state.RolloutId == rolloutId && (state.Trial is not null || state.LastOutcome is not null);

    private async Task StopAsync()
    {
        if (_job is not { } job)
        {
            return;
        }

        _job = null;
        await job.Stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await job.Run.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped on purpose; the partial download stays for a later resume.
        }

        job.Stop.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _gate.Dispose();
    }
}
