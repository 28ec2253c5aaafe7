using MQTTnet.Protocol;
using NUnit.Framework;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Edge.Tests.Uplink;

[TestFixture]
[Category("Integration")]
public sealed class MqttUplinkDrainTests
{
    private TempDirectory _dir = null!;
    private TestBroker _broker = null!;

    [SetUp]
    public async Task SetUp()
    {
        _dir = new TempDirectory("uplink");
        _broker = await TestBroker.StartAsync();
    }

    [TearDown]
    public async Task TearDown()
    {
        await _broker.DisposeAsync();
        _dir.Dispose();
    }

    [Test]
    public async Task Drain_EventsAndReadingsQueued_SendsEventsFirstThenReadingsOldestFirst()
    {
        await using var gw = new UplinkHarness(_broker.Port, _dir.Path, configure: o => o.ReadingsPerBatch = 2);
        await gw.AddReadingsAsync(5); // seq 1..5
        await gw.Outbox.AppendEventAsync(new EventDraft(DateTimeOffset.UtcNow, "mains_fail", EventAction.Raise, Severity.Major), default); // 6
        await gw.Outbox.AppendEventAsync(new EventDraft(DateTimeOffset.UtcNow, "door_open", EventAction.Raise, Severity.Warning), default); // 7

        gw.Start();
        await gw.Outbox.WhenDrainedAsync().WaitAsync(TimeSpan.FromSeconds(30));

        var data = _broker.Received.Where(m => m.IsTelemetry || m.IsEvents).ToList();
        Assert.That(data.Select(m => m.Sequences), Is.EqualTo(new[] { new long[] { 6, 7 }, [1, 2], [3, 4], [5] }).AsCollection);
        Assert.That(data[0].IsEvents, Is.True);
        Assert.That(data.Select(m => m.ContentType), Is.All.EqualTo(ContractInfo.JsonContentType));
        Assert.That(data.Select(m => m.ClientId), Is.All.EqualTo(UplinkHarness.DeviceId));
        Assert.That(gw.Outbox.Acknowledged, Is.EqualTo(new long[] { 6, 7, 1, 2, 3, 4, 5 }));
        Assert.That(gw.Status.Current.DeliveredReadings, Is.EqualTo(5));
        Assert.That(gw.Status.Current.DeliveredEvents, Is.EqualTo(2));
    }

    [Test]
    public async Task Drain_PubAckHeldBack_RowsStayUntilBrokerAcknowledges()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _broker.OnPublish = async e =>
        {
            if (e.ApplicationMessage.Topic.EndsWith("/up/telemetry", StringComparison.Ordinal))
            {
                arrived.TrySetResult();
                await release.Task;
            }
        };
        await using var gw = new UplinkHarness(_broker.Port, _dir.Path);
        await gw.AddReadingsAsync(3);

        gw.Start();
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.That(gw.Outbox.Pending, Is.EqualTo(3), "rows must stay in the outbox while the PUBACK is outstanding");
        Assert.That(gw.Outbox.Acknowledged, Is.Empty);

        release.SetResult();
        await gw.Outbox.WhenDrainedAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.That(gw.Outbox.Acknowledged, Is.EqualTo(new long[] { 1, 2, 3 }));
    }

    [Test]
    public async Task Drain_PubAckPayloadFormatInvalid_DropsThoseRowsCountsAndContinues()
    {
        _broker.OnPublish = e =>
        {
            if (e.ApplicationMessage.Topic.EndsWith("/up/telemetry", StringComparison.Ordinal) && !_broker.Received.Any(m => m.IsTelemetry))
            {
                e.ProcessPublish = false;
                e.Response.ReasonCode = MqttPubAckReasonCode.PayloadFormatInvalid;
            }

            return Task.CompletedTask;
        };
        await using var gw = new UplinkHarness(_broker.Port, _dir.Path, configure: o => o.ReadingsPerBatch = 2);
        await gw.AddReadingsAsync(4);

        gw.Start();
        await gw.Outbox.WhenDrainedAsync().WaitAsync(TimeSpan.FromSeconds(30));

        var telemetry = _broker.Received.Where(m => m.IsTelemetry).ToList();
        Assert.That(telemetry.Select(m => (m.Sequences[0], m.Answer)), Is.EqualTo(new[]
        {
            (1L, MqttPubAckReasonCode.PayloadFormatInvalid),
            (3L, MqttPubAckReasonCode.Success),
        }), "the refused batch is sent once and never again");
        Assert.That(gw.Status.Current.Rejected, Is.EqualTo(1));
        Assert.That(gw.Status.Current.DeliveredReadings, Is.EqualTo(2));
    }

    [Test]
    public async Task Drain_PubAckQuotaExceeded_KeepsRowsAndRetriesUntilAccepted()
    {
        var refusals = 0;
        var sawRowsKept = false;
        InMemoryOutboxDouble? outbox = null;
        _broker.OnPublish = e =>
        {
            if (e.ApplicationMessage.Topic.EndsWith("/up/telemetry", StringComparison.Ordinal))
            {
                // Rows of a refused attempt are still in the outbox when the retry arrives.
                sawRowsKept |= refusals > 0 && outbox!.Pending == 3;
                if (refusals < 2)
                {
                    refusals++;
                    e.ProcessPublish = false;
                    e.Response.ReasonCode = MqttPubAckReasonCode.QuotaExceeded;
                }
            }

            return Task.CompletedTask;
        };
        await using var gw = new UplinkHarness(_broker.Port, _dir.Path);
        outbox = gw.Outbox;
        await gw.AddReadingsAsync(3);

        gw.Start();
        await gw.Outbox.WhenDrainedAsync().WaitAsync(TimeSpan.FromSeconds(30));

        var answers = _broker.Received.Where(m => m.IsTelemetry).Select(m => m.Answer).ToList();
        Assert.That(answers, Is.EqualTo(new[] { MqttPubAckReasonCode.QuotaExceeded, MqttPubAckReasonCode.QuotaExceeded, MqttPubAckReasonCode.Success }));
        Assert.That(sawRowsKept, Is.True);
        Assert.That(gw.Outbox.Acknowledged, Is.EqualTo(new long[] { 1, 2, 3 }), "acknowledged once, after the accepted attempt");
        Assert.That(gw.Status.Current.Rejected, Is.Zero);
    }

    [Test]
    public async Task Drain_RowBreaksContract_DropsOnlyThatRowAndDeliversTheRest()
    {
        await using var gw = new UplinkHarness(_broker.Port, _dir.Path);
        await gw.AddReadingsAsync(1);
        gw.Outbox.AppendRaw(seq => new Reading { Seq = seq, Channel = "battery_v", Timestamp = DateTimeOffset.UtcNow, Value = double.NaN, Quality = Quality.Good });
        await gw.AddReadingsAsync(1);

        gw.Start();
        await gw.Outbox.WhenDrainedAsync().WaitAsync(TimeSpan.FromSeconds(30));

        var sent = _broker.Received.Where(m => m.IsTelemetry).SelectMany(m => m.Sequences).ToList();
        Assert.That(sent, Is.EqualTo(new long[] { 1, 3 }));
        Assert.That(gw.Status.Current.Rejected, Is.EqualTo(1));
    }
}
