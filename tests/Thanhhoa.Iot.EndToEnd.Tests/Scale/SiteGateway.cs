using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Contracts.Topics;
using Thanhhoa.Iot.TestSupport.Gateways;

namespace Thanhhoa.Iot.EndToEnd.Tests.Scale;

/// <summary>
/// A gateway bound to a site, as the dashboard sees one (a <see cref="ContractDeviceClient"/> with birth naming the
/// site and last will) that publishes battery readings and alarm events, and can drop its connection so the broker
/// sends its will.
/// </summary>
public sealed class SiteGateway : IAsyncDisposable
{
    private readonly ContractDeviceClient _client;
    private long _seq; // one sequence for readings and events, as a gateway's outbox numbers them
    private DateTimeOffset _last;

    private SiteGateway(string deviceId, string site)
    {
        _client = new ContractDeviceClient(deviceId);
        Site = site;
    }

    public string DeviceId => _client.DeviceId;

    public string Site { get; }

    public static async Task<SiteGateway> ConnectAsync(int port, string deviceId, string site)
    {
        var gateway = new SiteGateway(deviceId, site);
        await gateway._client.ConnectAsync(port, cleanStart: true, will: true);
        await gateway._client.BirthAsync(site: site);
        return gateway;
    }

    public Task BatteryAsync(double volts)
    {
        var seq = ++_seq;
        return _client.PublishAcceptedAsync(TopicKind.Telemetry, JsonCodec.Encode(new TelemetryBatch
        {
            Version = 1, SeqFrom = seq, SeqTo = seq,
            Readings = [new Reading { Seq = seq, Channel = "battery_v", Timestamp = Next(), Value = volts, Quality = Quality.Good }],
        }));
    }

    /// <summary>Raises an alarm; returns its sequence number (the alarm id is device:code:seq).</summary>
    public async Task<long> RaiseAsync(string code)
    {
        var seq = ++_seq;
        await _client.PublishAcceptedAsync(TopicKind.Events, JsonCodec.Encode(new EventBatch
        {
            Version = 1, SeqFrom = seq, SeqTo = seq,
            Events = [new DeviceEvent { Seq = seq, Timestamp = Next(), Code = code, Action = EventAction.Raise, Severity = Severity.Critical }],
        }));
        return seq;
    }

    /// <summary>Drops the connection the way a lost link does: the broker publishes the will.</summary>
    public Task DropAsync() => _client.DropAsync();

    public ValueTask DisposeAsync() => _client.DisposeAsync();

    /// <summary>A timestamp later than every earlier one of this gateway (readings sent within one millisecond stay ordered).</summary>
    private DateTimeOffset Next() => _last = Now() > _last ? Now() : _last.AddMilliseconds(1);

    private static DateTimeOffset Now() => DateTimeOffset.FromUnixTimeMilliseconds(TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds());
}
