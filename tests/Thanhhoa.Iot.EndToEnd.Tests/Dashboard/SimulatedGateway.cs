using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Contracts.Topics;
using Thanhhoa.Iot.TestSupport.Gateways;

namespace Thanhhoa.Iot.EndToEnd.Tests.Dashboard;

/// <summary>Publishes over MQTT 5 exactly what a gateway sends: retained birth with its site, telemetry batches, alarm events.</summary>
internal sealed class SimulatedGateway : IAsyncDisposable
{
    private readonly ContractDeviceClient _client;
    private long _seq;

    private SimulatedGateway(string deviceId) => _client = new ContractDeviceClient(deviceId);

    public string DeviceId => _client.DeviceId;

    /// <summary>Connects (clean start, no subscription: it takes no commands) and publishes the birth naming its site.</summary>
    public static async Task<SimulatedGateway> ConnectAsync(int port, string deviceId, string site)
    {
        var gateway = new SimulatedGateway(deviceId);
        await gateway._client.ConnectAsync(port, cleanStart: true, timeout: TimeSpan.FromSeconds(10));
        await gateway._client.BirthAsync(firmware: "0.1.0-e2e", site: site);
        return gateway;
    }

    public Task TelemetryAsync(DateTimeOffset at, params (string Channel, double Value)[] values)
    {
        var first = _seq + 1;
        var readings = values.Select(v => new Reading { Seq = ++_seq, Channel = v.Channel, Timestamp = at, Value = v.Value, Quality = Quality.Good }).ToList();
        return _client.PublishAcceptedAsync(TopicKind.Telemetry, JsonCodec.Encode(new TelemetryBatch { Version = 1, SeqFrom = first, SeqTo = _seq, Readings = readings }));
    }

    public Task EventAsync(DateTimeOffset at, string code, EventAction action, Severity severity, IReadOnlyDictionary<string, double>? values = null)
    {
        var seq = ++_seq;
        return _client.PublishAcceptedAsync(TopicKind.Events, JsonCodec.Encode(new EventBatch
        {
            Version = 1, SeqFrom = seq, SeqTo = seq,
            Events = [new DeviceEvent { Seq = seq, Timestamp = at, Code = code, Action = action, Severity = severity, Values = values }],
        }));
    }

    public ValueTask DisposeAsync() => _client.DisposeAsync();
}
