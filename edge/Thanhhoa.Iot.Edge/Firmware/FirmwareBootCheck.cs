using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Edge.Firmware;

/// <summary>
/// At every start: when the slot that runs is on trial, counts the start (the boot counter) and rolls
/// back at once after <see cref="FirmwareOptions.MaxTrialStarts"/> starts without a commit (a crash
/// loop); otherwise waits up to <see cref="FirmwareOptions.HealthWindow"/> for the gateway to be healthy
/// and commits, or switches back to the committed slot by itself and restarts. The committed slot is
/// never deleted here.
/// </summary>
public sealed class FirmwareBootCheck : BackgroundService
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(1);
    private readonly SlotStateStore _store;
    private readonly ISlotSwitcher _switcher;
    private readonly IFirmwareHealth _health;
    private readonly FirmwareReporter _reporter;
    private readonly FirmwareOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<FirmwareBootCheck> _logger;
    private readonly DateTimeOffset _deadline;

    public FirmwareBootCheck(SlotStateStore store, ISlotSwitcher switcher, IFirmwareHealth health, FirmwareReporter reporter,
        IOptions<FirmwareOptions> options, TimeProvider time, ILogger<FirmwareBootCheck> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        (_store, _switcher, _health, _reporter, _options, _time, _logger) = (store, switcher, health, reporter, options.Value, time, logger);
        _deadline = time.GetUtcNow() + _options.HealthWindow; // the window starts with the process
    }

    /// <summary>Runs the check to its end (committed, rolled back, or nothing on trial).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!_options.Enabled || _store.Load() is not { Trial: { } trial } state)
        {
            return;
        }

        if (_switcher.CurrentSlot != trial)
        {
            // Switched back before the state said so (a crash mid-rollback, or by hand): finish the rollback.
            await RollBackAsync(state, $"the trial slot {trial} is not the one that runs", restart: false, cancellationToken).ConfigureAwait(false);
            return;
        }

        var starts = _store.CountTrialStart();
        if (starts > _options.MaxTrialStarts)
        {
            await RollBackAsync(state, $"crash loop: {state.TrialVersion} started {starts - 1} times without becoming healthy", restart: true, cancellationToken).ConfigureAwait(false);
            return;
        }

        FirmwareLog.TrialStart(_logger, state.TrialVersion!, trial, starts, _options.MaxTrialStarts, _options.HealthWindow);
        await WatchAsync(state, cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            // A broken slot state must not stop the gateway: it keeps running what it runs, and says why.
            FirmwareLog.BootCheckFailed(_logger, ex.Message);
        }
    }

    private async Task WatchAsync(SlotState state, CancellationToken cancellationToken)
    {
        while (true)
        {
            var problem = _health.Problem();
            if (problem is null)
            {
                await CommitAsync(state, cancellationToken).ConfigureAwait(false);
                return;
            }

            if (_time.GetUtcNow() >= _deadline)
            {
                await RollBackAsync(state, $"health check failed: {problem} within {_options.HealthWindow}", restart: true, cancellationToken).ConfigureAwait(false);
                return;
            }

            await Task.Delay(CheckEvery, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CommitAsync(SlotState state, CancellationToken cancellationToken)
    {
        _store.Save(new SlotState(state.Trial!, state.TrialVersion!, null, null, state.RolloutId, "committed"));
        _store.ResetTrialStarts();
        await _reporter.ReportAsync(state.RolloutId!, FirmwareState.Committed, state.TrialVersion!, state.TrialVersion!, null, cancellationToken).ConfigureAwait(false);
    }

    private async Task RollBackAsync(SlotState state, string why, bool restart, CancellationToken cancellationToken)
    {
        _switcher.Point(state.Committed);
        _store.Save(state with { Trial = null, TrialVersion = null, LastOutcome = "rolled-back" });
        _store.ResetTrialStarts();
        var reason = $"{why}; back to {state.CommittedVersion} in slot {state.Committed}";
        await _reporter.ReportAsync(state.RolloutId!, FirmwareState.RolledBack, state.CommittedVersion, state.TrialVersion!, reason, cancellationToken).ConfigureAwait(false);
        if (restart)
        {
            await _switcher.RestartAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
