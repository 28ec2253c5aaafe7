using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Contracts.Topics;
using Thanhhoa.Iot.Edge.Hosting;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.Edge.Sensing;
using Thanhhoa.Iot.Edge.Uplink;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Benchmarks.Commands;

/// <summary>
/// <c>drain [--readings 400000] [--batch 500]</c>: fills a real durable outbox with a backlog, then
/// times the real uplink draining it to a loopback broker (a row leaves only after its PUBACK).
/// Baseline in the same run: a bare MQTTnet client publishing the same batches from memory, QoS 1,
/// one in flight — the broker round trip with no outbox at all.
/// </summary>
internal static class BacklogDrainCommand
{
    private static readonly string[] Channels = ["mains", "battery_v", "load_a", "cabinet_temp", "gen_running", "door_open"];

    public static async Task<int> RunAsync(string[] args)
    {
        var total = CommandArgs.Int(args, "--readings", 400_000);
        var batch = CommandArgs.Int(args, "--batch", 500);
        using var dir = new TempDirectory("bench-drain");
        await using var broker = await LoopbackBroker.StartAsync();

        var baseline = await BaselineAsync(broker.Port, total, batch);
        Console.WriteLine($"baseline  bare client, QoS 1, from memory: {total:N0} readings in {baseline.TotalSeconds:F1} s = {total / baseline.TotalSeconds:N0} readings/s");

        using var outbox = LiteDbOutbox.Open(new OutboxOptions { DataDirectory = dir.Path, QuotaBytes = 2L * 1024 * 1024 * 1024 });
        var fill = Stopwatch.StartNew();
        await FillAsync(outbox, total);
        Console.WriteLine($"backlog   {total:N0} readings appended durably in {fill.Elapsed.TotalSeconds:F1} s; outbox files {outbox.GetStatus().UsedBytes / 1048576.0:F0} MiB");

        var drained = await DrainAsync(outbox, broker.Port, dir.Path, batch);
        Console.WriteLine($"drain     real uplink + durable outbox:   {total:N0} readings in {drained.TotalSeconds:F1} s = {total / drained.TotalSeconds:N0} readings/s " +
                          $"(ratio to baseline {baseline.TotalSeconds / drained.TotalSeconds:F2}; target ≤ 30 s)");
        return 0;
    }

    private static async Task FillAsync(LiteDbOutbox outbox, int total)
    {
        var t0 = DateTimeOffset.UtcNow.AddDays(-3);
        const int Chunk = 4000;
        for (var done = 0; done < total; done += Chunk)
        {
            var n = Math.Min(Chunk, total - done);
            var readings = Enumerable.Range(done, n)
                .Select(i => new SensorReading(Channels[i % Channels.Length], t0.AddMilliseconds(i * 100L), 48 + (i % 70) / 10.0, Quality.Good))
                .ToList();
            await outbox.AppendReadingsAsync(readings, CancellationToken.None);
        }
    }

    private static async Task<TimeSpan> DrainAsync(LiteDbOutbox outbox, int port, string dataDirectory, int batch)
    {
        var status = new UplinkStatus();
        var uplink = new MqttUplink(outbox,
            Options.Create(new UplinkOptions { Host = "127.0.0.1", Port = port, ReadingsPerBatch = batch }),
            Options.Create(new GatewayOptions { DeviceId = "bench-drain", DataDirectory = dataDirectory }),
            status, new LoggingDownlinkHandler(NullLogger<LoggingDownlinkHandler>.Instance), TimeProvider.System,
            NullLogger<MqttUplink>.Instance, new Random(1));
        var clock = Stopwatch.StartNew();
        await uplink.StartAsync(CancellationToken.None);
        while (outbox.GetStatus().PendingReadings > 0)
        {
            await Task.Delay(20); // a measurement loop, not a test: sampling the depth is the point
        }

        var elapsed = clock.Elapsed;
        await uplink.StopAsync(CancellationToken.None);
        uplink.Dispose();
        return elapsed;
    }

    private static async Task<TimeSpan> BaselineAsync(int port, int total, int batch)
    {
        var t0 = DateTimeOffset.UtcNow.AddDays(-3);
        var payloads = new List<byte[]>();
        for (var seq = 1; seq <= total; seq += batch)
        {
            var readings = Enumerable.Range(seq, Math.Min(batch, total - seq + 1))
                .Select(i => new Reading { Seq = i, Channel = Channels[i % Channels.Length], Timestamp = t0.AddMilliseconds(i * 100L), Value = 48 + (i % 70) / 10.0, Quality = Quality.Good })
                .ToList();
            payloads.Add(JsonCodec.Encode(new TelemetryBatch { Version = ContractInfo.Version, SeqFrom = readings[0].Seq, SeqTo = readings[^1].Seq, Readings = readings }));
        }

        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId("bench-baseline")
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).Build());
        var topic = DeviceTopics.For("bench-baseline", TopicKind.Telemetry);
        var clock = Stopwatch.StartNew();
        foreach (var payload in payloads)
        {
            await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithContentType(ContractInfo.JsonContentType).Build());
        }

        var elapsed = clock.Elapsed;
        await client.DisconnectAsync();
        return elapsed;
    }
}
