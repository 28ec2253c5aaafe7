using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Protocol;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Edge.Budget;
using Thanhhoa.Iot.Edge.Outbox;

namespace Thanhhoa.Iot.Edge.Uplink;

/// <summary>
/// Moves outbox rows to the broker over one connected session: one QoS 1 batch in flight, and a row
/// leaves the outbox only after the broker's PUBACK said so. Control messages and events go first and
/// at once; partial telemetry batches wait for the upload cadence.
/// </summary>
internal sealed class OutboxDrainer(
    IOutbox outbox, BatchBuilder batches, UplinkStatus status, ReconnectBackoff retryBackoff, TimeProvider time, ILogger logger)
{
    // Monotonic (TimeProvider.GetTimestamp): a wall clock set back a year must not hold telemetry for a year.
    private long? _lastTelemetry;

    /// <summary>Holds partial telemetry batches back between uploads; null sends them at once.</summary>
    public IUploadCadence? Cadence { get; init; }

    /// <summary>
    /// How long a PUBACK may take before the link counts as dead (MQTTnet waits for it forever): the
    /// application-level check that catches a link silently dropping packets while data flows.
    /// </summary>
    public TimeSpan PubAckTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Paces telemetry to the cloud's drain-rate hint; null never paces.</summary>
    public DrainPacer? Pacer { get; init; }

    /// <summary>Meters every publish and holds telemetry back when its share is used up; null = no budget.</summary>
    public DataBudget? Budget { get; init; }

    /// <summary>Replaces pending raw telemetry by aggregates of the given interval (budget level <see cref="BudgetLevel.Aggregated"/>); null = cannot.</summary>
    public Func<TimeSpan, CancellationToken, Task>? AggregatePending { get; init; }

    /// <summary>Pending readings that make a full batch, which goes regardless of the cadence.</summary>
    public int FullBatch { get; init; } = int.MaxValue;

    /// <summary>Runs until the link drops or the gateway stops (both end in an exception).</summary>
    /// <param name="lostToken">Cancelled only when the connection is lost. MQTTnet drops the connection when a
    /// pending request is cancelled, so in-flight MQTT requests get this token (they are bounded by the
    /// operation timeout) and a stop waits for them, leaving the link up for the goodbye.</param>
    /// <param name="linkToken">Lost or stopping: for waiting on the outbox and for retry delays.</param>
    /// <param name="stoppingToken">Stopping only: acknowledging rows the broker took must not be cut short by a link loss.</param>
    public async Task RunAsync(IMqttClient client, CancellationToken lostToken, CancellationToken linkToken, CancellationToken stoppingToken)
    {
        while (true)
        {
            linkToken.ThrowIfCancellationRequested();
            var batch = batches.NextPriority();
            if (batch is null && TelemetryHold() is { } hold && hold > TimeSpan.Zero)
            {
                await WaitForPriorityAsync(hold, linkToken).ConfigureAwait(false);
                continue;
            }

            if (batch is null && Budget?.Level >= BudgetLevel.Aggregated && AggregatePending is { } aggregate)
            {
                await aggregate(Budget.Options.AggregateInterval, linkToken).ConfigureAwait(false);
            }

            batch ??= batches.NextTelemetry();
            if (batch is null)
            {
                await outbox.WaitForPendingAsync(linkToken).ConfigureAwait(false);
                continue;
            }

            if (batch.IsTelemetry && !batch.IsPoison && Budget is { } budget && !budget.AllowsTelemetry(WireBytes(batch)))
            {
                // Telemetry's share is used up: only alarms, events and results go until the next period.
                UplinkLog.TelemetryHeldForBudget(logger, batch.SeqFrom, budget.NextPeriodStart);
                await WaitForPriorityAsync(budget.NextPeriodStart - time.GetUtcNow(), linkToken).ConfigureAwait(false);
                continue;
            }

            if (batch.IsPoison)
            {
                UplinkLog.PoisonRow(logger, KindOf(batch), batch.SeqFrom, batch.Violation!);
                await outbox.AcknowledgeAsync(batch.Sequences, stoppingToken).ConfigureAwait(false);
                status.Rejected();
                continue;
            }

            var started = time.GetUtcNow();
            var result = await PublishAsync(client, batch, lostToken).ConfigureAwait(false);
            if (batch.IsTelemetry && PublishVerdicts.Of(result.ReasonCode) == PublishVerdict.Delivered)
            {
                Pacer?.TelemetryDelivered(batch.Sequences.Count, started, result.UserProperties);
            }

            await SettleAsync(batch, result, linkToken, stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>Publishes and waits for the PUBACK at most <see cref="PubAckTimeout"/>; cancelling makes MQTTnet drop the connection.</summary>
    private async Task<MqttClientPublishResult> PublishAsync(IMqttClient client, UplinkBatch batch, CancellationToken lostToken)
    {
        Budget?.Record(WireBytes(batch)); // counted before it goes: a PUBLISH without PUBACK used the link too
        using var deadline = new CancellationTokenSource(PubAckTimeout, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(lostToken, deadline.Token);
        try
        {
            return await client.PublishAsync(Message(batch), either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !lostToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"no PUBACK for {batch.KindName} {batch.SeqFrom}..{batch.SeqTo} within {PubAckTimeout} (Uplink:OperationTimeout); the link is dead, reconnecting");
        }
    }

    /// <summary>How long telemetry must still wait for the drain pace or (partial batches) the upload cadence; zero when it may go now.</summary>
    private TimeSpan TelemetryHold()
    {
        var paced = Pacer?.Hold() ?? TimeSpan.Zero;
        var cadence = CadenceHold();
        return paced > cadence ? paced : cadence;
    }

    private TimeSpan CadenceHold()
    {
        var interval = Cadence?.TelemetryInterval ?? TimeSpan.Zero;
        if (interval <= TimeSpan.Zero || _lastTelemetry is not { } last)
        {
            return TimeSpan.Zero;
        }

        var pending = outbox.GetStatus().PendingReadings;
        if (pending == 0 || pending >= FullBatch)
        {
            return TimeSpan.Zero;
        }

        var wait = interval - time.GetElapsedTime(last);
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    private async Task WaitForPriorityAsync(TimeSpan hold, CancellationToken linkToken)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(linkToken);
        var due = Task.Delay(hold, time, either.Token);
        var priority = outbox.WaitForPriorityAsync(either.Token);
        await Task.WhenAny(due, priority).ConfigureAwait(false);
        await either.CancelAsync().ConfigureAwait(false);
        linkToken.ThrowIfCancellationRequested();
    }

    private async Task SettleAsync(UplinkBatch batch, MqttClientPublishResult result, CancellationToken linkToken, CancellationToken stoppingToken)
    {
        switch (PublishVerdicts.Of(result.ReasonCode))
        {
            case PublishVerdict.Delivered:
                await outbox.AcknowledgeAsync(batch.Sequences, stoppingToken).ConfigureAwait(false);
                retryBackoff.Reset();
                if (batch.IsTelemetry)
                {
                    _lastTelemetry = time.GetTimestamp();
                }

                status.Delivered(batch, time.GetUtcNow());
                UplinkLog.Delivered(logger, KindOf(batch), batch.SeqFrom, batch.SeqTo, batch.Sequences.Count, batch.Payload!.Length);
                break;
            case PublishVerdict.Rejected:
                UplinkLog.RejectedByBroker(logger, KindOf(batch), batch.SeqFrom, batch.SeqTo, result.ReasonString);
                await outbox.AcknowledgeAsync(batch.Sequences, stoppingToken).ConfigureAwait(false);
                status.Rejected();
                break;
            default:
                var delay = retryBackoff.Next();
                UplinkLog.PublishRefused(logger, KindOf(batch), batch.SeqFrom, batch.SeqTo, result.ReasonCode.ToString(), result.ReasonString, delay);
                await Task.Delay(delay, time, linkToken).ConfigureAwait(false);
                break;
        }
    }

    private static MqttApplicationMessage Message(UplinkBatch batch) => new MqttApplicationMessageBuilder()
        .WithTopic(batch.Topic)
        .WithPayload(batch.Payload)
        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
        .WithContentType(batch.ContentType)
        .Build();

    private static string KindOf(UplinkBatch batch) => batch.KindName;

    private long WireBytes(UplinkBatch batch) =>
        WireSize.ExchangeBytes(batch.Topic, batch.ContentType, batch.Payload?.Length ?? 0, Budget?.Options.TcpIpOverheadBytes ?? 0);
}
