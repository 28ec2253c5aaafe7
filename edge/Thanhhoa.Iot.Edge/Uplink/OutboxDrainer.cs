using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Protocol;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Edge.Outbox;

namespace Thanhhoa.Iot.Edge.Uplink;

/// <summary>
/// Moves outbox rows to the broker over one connected session: one QoS 1 batch in flight, and a row
/// leaves the outbox only after the broker's PUBACK said so.
/// </summary>
internal sealed class OutboxDrainer(
    IOutbox outbox, BatchBuilder batches, UplinkStatus status, ReconnectBackoff retryBackoff, TimeProvider time, ILogger logger)
{
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
            var batch = batches.Next();
            if (batch is null)
            {
                await outbox.WaitForPendingAsync(linkToken).ConfigureAwait(false);
                continue;
            }

            if (batch.IsPoison)
            {
                UplinkLog.PoisonRow(logger, KindOf(batch), batch.SeqFrom, batch.Violation!);
                await outbox.AcknowledgeAsync(batch.Sequences, stoppingToken).ConfigureAwait(false);
                status.Rejected();
                continue;
            }

            var result = await client.PublishAsync(Message(batch), lostToken).ConfigureAwait(false);
            await SettleAsync(batch, result, linkToken, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task SettleAsync(UplinkBatch batch, MqttClientPublishResult result, CancellationToken linkToken, CancellationToken stoppingToken)
    {
        switch (PublishVerdicts.Of(result.ReasonCode))
        {
            case PublishVerdict.Delivered:
                await outbox.AcknowledgeAsync(batch.Sequences, stoppingToken).ConfigureAwait(false);
                retryBackoff.Reset();
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
        .WithContentType(ContractInfo.JsonContentType)
        .Build();

    private static string KindOf(UplinkBatch batch) => batch.IsEvents ? "events" : "telemetry";
}
