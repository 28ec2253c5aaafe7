using Microsoft.Extensions.Logging;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.Edge.Sensing;

namespace Thanhhoa.Iot.Edge.Rules;

/// <summary>
/// Runs the local alarm rules on the gateway, so alarms exist while the link is down. Sees every
/// reading; re-evaluates at the next debounce deadline by itself (a timer on the TimeProvider), so
/// an alarm raises on time even when report by exception or a slow poll brings no new reading.
/// Raise and clear events go to the outbox in rule order.
/// </summary>
public sealed partial class AlarmEngine : IDisposable
{
    private readonly IReadOnlyList<IAlarmRule> _rules;
    private readonly IOutbox _outbox;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SiteState _state = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ITimer _timer;
    private readonly long _started;
    private bool _disposed;

    public AlarmEngine(IReadOnlyList<IAlarmRule> rules, IOutbox outbox, TimeProvider time, ILogger<AlarmEngine> logger)
    {
        _rules = rules;
        _outbox = outbox;
        _time = time;
        _logger = logger;
        _timer = time.CreateTimer(_ => _ = EvaluateFromTimerAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _started = time.GetTimestamp();
    }

    public IReadOnlyList<IAlarmRule> Rules => _rules;

    public async ValueTask ObserveAsync(IReadOnlyList<SensorReading> readings, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var reading in readings)
            {
                _state.Update(reading);
            }

            await EvaluateLockedAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _timer.Dispose();
        _gate.Dispose();
    }

    private async Task EvaluateFromTimerAsync()
    {
        try
        {
            await _gate.WaitAsync().ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        try
        {
            await EvaluateLockedAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogEvaluationFailed(_logger, ex);
        }
        finally
        {
            if (!_disposed)
            {
                _gate.Release();
            }
        }
    }

    private async Task EvaluateLockedAsync(CancellationToken cancellationToken)
    {
        var now = new RuleClock(_time.GetUtcNow(), _time.GetElapsedTime(_started));
        foreach (var rule in _rules)
        {
            if (rule.Evaluate(_state, now) is not { } draft)
            {
                continue;
            }

            LogTransition(_logger, draft.Code, draft.Action, draft.Channel ?? "-", draft.Message ?? string.Empty);
            await _outbox.AppendEventAsync(draft, cancellationToken).ConfigureAwait(false);
        }

        Reschedule(now);
    }

    private void Reschedule(RuleClock now)
    {
        var next = _rules.Select(r => r.NextDeadline).Where(d => d is not null).Min();
        if (_disposed)
        {
            return;
        }

        var due = next is { } at ? (at - now.Monotonic < TimeSpan.Zero ? TimeSpan.Zero : at - now.Monotonic) : Timeout.InfiniteTimeSpan;
        _timer.Change(due, Timeout.InfiniteTimeSpan);
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Alarm {Code} {Action} (channel {Channel}): {Detail}")]
    private static partial void LogTransition(ILogger logger, string code, EventAction action, string channel, string detail);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Error, Message = "Alarm evaluation at a debounce deadline failed; the next reading retries it")]
    private static partial void LogEvaluationFailed(ILogger logger, Exception exception);
}
