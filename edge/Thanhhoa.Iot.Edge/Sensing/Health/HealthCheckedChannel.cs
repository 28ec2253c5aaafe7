using Microsoft.Extensions.Logging;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Outbox;

namespace Thanhhoa.Iot.Edge.Sensing.Health;

/// <summary>
/// Wraps a channel so that it never throws at the poller: a failed, hung or nonsensical read becomes
/// a <see cref="Quality.Bad"/> reading; the sensor is retried with exponential backoff (reads inside
/// the backoff do not touch the hardware); after <see cref="SensorHealthPolicy.FaultAfterFailures"/>
/// failures a <c>sensor_fault</c> is raised, and it is cleared by the first good read.
/// </summary>
public sealed partial class HealthCheckedChannel : ISensorChannel
{
    public const string FaultCode = AlarmCodes.SensorFault;

    private readonly ISensorChannel _inner;
    private readonly IOutbox _outbox;
    private readonly TimeProvider _time;
    private readonly SensorHealthPolicy _policy;
    private readonly ILogger _logger;
    private int _failures;
    private DateTimeOffset _nextAttempt = DateTimeOffset.MinValue;

    public HealthCheckedChannel(ISensorChannel inner, IOutbox outbox, TimeProvider time, SensorHealthPolicy policy, ILogger logger)
    {
        _inner = inner;
        _outbox = outbox;
        _time = time;
        _policy = policy;
        _logger = logger;
    }

    public string Id => _inner.Id;

    public string Unit => _inner.Unit;

    public TimeSpan PollInterval => _inner.PollInterval;

    public bool IsFaulted { get; private set; }

    public async ValueTask<SensorReading> ReadAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (_failures > 0 && now < _nextAttempt)
        {
            return Bad(now);
        }

        SensorReading reading;
        try
        {
            reading = await ReadWithTimeoutAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await OnFailureAsync(now, ex, cancellationToken).ConfigureAwait(false);
            return Bad(now);
        }

        await OnSuccessAsync(reading, cancellationToken).ConfigureAwait(false);
        return reading;
    }

    private async Task<SensorReading> ReadWithTimeoutAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_policy.ReadTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var reading = await _inner.ReadAsync(linked.Token).AsTask().WaitAsync(linked.Token).ConfigureAwait(false);
        return double.IsFinite(reading.Value)
            ? reading
            : throw new InvalidDataException($"channel '{Id}' produced {reading.Value}; the sensor or its scaling is broken.");
    }

    private async Task OnFailureAsync(DateTimeOffset now, Exception ex, CancellationToken cancellationToken)
    {
        _failures++;
        var backoff = _policy.BackoffAfter(_failures);
        _nextAttempt = now + backoff;
        LogReadFailed(_logger, ex, Id, _failures, backoff);
        if (IsFaulted || _failures < _policy.FaultAfterFailures)
        {
            return;
        }

        IsFaulted = true;
        var message = ex is OperationCanceledException
            ? $"channel '{Id}' did not answer within {_policy.ReadTimeout.TotalSeconds:0.#} s; retrying with backoff"
            : $"channel '{Id}' failed {_failures} times: {ex.Message}";
        await _outbox.AppendEventAsync(new EventDraft(now, FaultCode, EventAction.Raise, Severity.Warning, Id, message), cancellationToken).ConfigureAwait(false);
    }

    private async Task OnSuccessAsync(SensorReading reading, CancellationToken cancellationToken)
    {
        var wasFaulted = IsFaulted;
        _failures = 0;
        IsFaulted = false;
        if (!wasFaulted)
        {
            return;
        }

        LogRecovered(_logger, Id);
        var values = new Dictionary<string, double>(StringComparer.Ordinal) { [Id] = reading.Value };
        var draft = new EventDraft(reading.Timestamp, FaultCode, EventAction.Clear, Severity.Warning, Id, $"channel '{Id}' reads again", values);
        await _outbox.AppendEventAsync(draft, cancellationToken).ConfigureAwait(false);
    }

    private SensorReading Bad(DateTimeOffset now) => new(Id, now, 0.0, Quality.Bad);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Channel {Channel} read failed ({Failures} in a row); next attempt in {Backoff}")]
    private static partial void LogReadFailed(ILogger logger, Exception exception, string channel, int failures, TimeSpan backoff);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Channel {Channel} reads again")]
    private static partial void LogRecovered(ILogger logger, string channel);
}
