using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Storage;
using Thanhhoa.Iot.Cloud.Storage.LiteDb;

namespace Thanhhoa.Iot.Cloud.Tests.Broker;

/// <summary>The external-broker shape: gateways publish to mosquitto, the cloud subscribes with a persistent session.</summary>
[TestFixture]
[Category("Integration")]
public sealed class ExternalBrokerTests() : ExternalBrokerFixture("cloud-external")
{
    [Test]
    public async Task Publish_ViaMosquitto_StoredExactlyOnce()
    {
        await using var cloud = await StartCloudAsync();
        using var gateway = await TestMqtt.ConnectAsync(Mosquitto.Port, "gw-1");
        await gateway.PublishAsync("thiot/v1/gw-1/up/telemetry", TestMessages.TelemetryJson(1, 5));
        await gateway.PublishAsync("thiot/v1/gw-1/up/telemetry", TestMessages.TelemetryJson(1, 5)); // a retry after a lost PUBACK
        await gateway.PublishAsync("thiot/v1/gw-1/up/telemetry", TestMessages.TelemetryJson(6, 5));
        await cloud.Signals.WaitUntilAsync(s => s.ReadingsAdded + s.ReadingDuplicates == 15);

        var readings = await cloud.GetJsonAsync<List<StoredReading>>(ReadingsPath);
        Assert.Multiple(() =>
        {
            Assert.That(readings.Select(r => r.Seq), Is.EqualTo(Enumerable.Range(1, 10).Select(i => (long)i)));
            Assert.That(cloud.Signals.ReadingDuplicates, Is.EqualTo(5));
        });
    }

    [Test]
    public async Task CloudStopped_MessagesPublishedMeanwhile_IngestedAfterRestart()
    {
        using var gateway = await TestMqtt.ConnectAsync(Mosquitto.Port, "gw-1");
        await using (var first = await StartCloudAsync())
        {
            await gateway.PublishAsync("thiot/v1/gw-1/up/telemetry", TestMessages.TelemetryJson(1, 10));
            await first.Signals.WaitUntilAsync(s => s.ReadingsAdded == 10);
        }

        // The cloud is down: mosquitto acknowledges the gateway and queues for the cloud's persistent session.
        for (var seq = 11; seq <= 200; seq += 10)
        {
            await gateway.PublishAsync("thiot/v1/gw-1/up/telemetry", TestMessages.TelemetryJson(seq, 10));
        }

        await using var second = await StartCloudAsync();
        await second.Signals.WaitUntilAsync(s => s.ReadingsAdded == 190);
        var readings = await second.GetJsonAsync<List<StoredReading>>(ReadingsPath);
        Assert.That(readings.Select(r => r.Seq), Is.EqualTo(Enumerable.Range(1, 200).Select(i => (long)i)), Mosquitto.Output);
    }

    [Test]
    public async Task InvalidPayload_ViaMosquitto_RejectVisibleAndIngestContinues()
    {
        await using var cloud = await StartCloudAsync();
        using var gateway = await TestMqtt.ConnectAsync(Mosquitto.Port, "gw-1");
        await gateway.PublishAsync("thiot/v1/gw-1/up/telemetry", TestMessages.TelemetryWithBadValue());
        await gateway.PublishAsync("thiot/v1/gw-1/up/telemetry", TestMessages.TelemetryJson(1, 2));
        await cloud.Signals.WaitUntilAsync(s => s.ReadingsAdded == 2 && s.Rejects == 1);
        var rejects = await cloud.GetJsonAsync<RejectReport>("/api/devices/gw-1/rejects");
        Assert.That(rejects.Recent.Single().Field, Is.EqualTo("$.readings[1].val"));
    }

    [Test]
    public async Task StoreFails_MessageNotAcknowledged_RedeliveredAndStored()
    {
        await using var cloud = await StartCloudAsync(services =>
        {
            services.RemoveAll<IReadingsWriter>();
            services.AddSingleton<IReadingsWriter>(sp => new FailingOnceReadingsWriter(new LiteReadingsWriter(sp.GetRequiredService<LiteDbStore>())));
        });
        using var gateway = await TestMqtt.ConnectAsync(Mosquitto.Port, "gw-1");
        await gateway.PublishAsync("thiot/v1/gw-1/up/telemetry", TestMessages.TelemetryJson(1, 5));

        await cloud.Signals.WaitUntilAsync(s => s.ReadingsAdded == 5);
        var readings = await cloud.GetJsonAsync<List<StoredReading>>(ReadingsPath);
        Assert.Multiple(() =>
        {
            Assert.That(cloud.Signals.StoreFailures, Is.EqualTo(1));
            Assert.That(readings.Select(r => r.Seq), Is.EqualTo(new long[] { 1, 2, 3, 4, 5 }));
        });
    }

    [Test]
    public async Task StorePaused_MaxInFlightAboveBrokerDefault_ThatManyDeliveredAtOnce()
    {
        // mosquitto sends a client at most max_inflight_messages (20) unacknowledged messages unless the
        // client's Receive Maximum says otherwise; the cloud must ask for MaxInFlight so groups can gather.
        var paused = new PausedReadingsWriter(60);
        await using (var cloud = await StartCloudAsync(paused.HoldLiteDbWrites, "--Broker:External:MaxInFlight=100"))
        {
            using var gateway = await TestMqtt.ConnectAsync(Mosquitto.Port, "gw-1");
            for (var seq = 1; seq <= 60; seq++)
            {
                await gateway.PublishAsync("thiot/v1/gw-1/up/telemetry", TestMessages.TelemetryJson(seq, 1));
            }

            Assert.That(await paused.AllWaiting.WaitAsync(TimeSpan.FromSeconds(15)).ContinueWith(t => t.IsCompletedSuccessfully), Is.True,
                $"only {paused.Waiting} of 60 messages reached the paused store at once");
            paused.Resume();
            await cloud.Signals.WaitUntilAsync(s => s.ReadingsAdded == 60);
        }
    }

    /// <summary>A real store whose first write fails, as a full or failing disk would.</summary>
    private sealed class FailingOnceReadingsWriter(IReadingsWriter inner) : IReadingsWriter
    {
        private int _calls;

        public Task<ReadingsStored> StoreReadingsAsync(string deviceId, IReadOnlyList<StoredReading> readings, DateTimeOffset seenAt, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _calls) == 1
                ? Task.FromException<ReadingsStored>(new IOException("No space left on device (injected)"))
                : inner.StoreReadingsAsync(deviceId, readings, seenAt, cancellationToken);
    }
}
