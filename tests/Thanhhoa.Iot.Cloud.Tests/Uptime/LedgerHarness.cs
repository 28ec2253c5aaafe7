using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Thanhhoa.Iot.Cloud.Dashboard;
using Thanhhoa.Iot.Cloud.Ingest;
using Thanhhoa.Iot.Cloud.Metrics;
using Thanhhoa.Iot.Cloud.Storage;
using Thanhhoa.Iot.Cloud.Storage.LiteDb;
using Thanhhoa.Iot.Cloud.Uptime;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Contracts.Topics;

namespace Thanhhoa.Iot.Cloud.Tests.Uptime;

/// <summary>
/// The cloud's real ingest, stores (LiteDB files in a directory) and dashboard services on a FakeTimeProvider,
/// without the broker or HTTP: messages go in as a gateway publishes them, the ledger is read back.
/// </summary>
internal sealed class LedgerHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private LedgerHarness(ServiceProvider services) => _services = services;

    public IngestPipeline Pipeline => _services.GetRequiredService<IngestPipeline>();

    public UptimeService Uptime => _services.GetRequiredService<UptimeService>();

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public static LedgerHarness Start(string dataDirectory, FakeTimeProvider time)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = dataDirectory, ["Uptime:MaxSilence"] = "00:02:00" })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddLogging();
        services.AddCloudMetrics().AddStorage(configuration).AddIngest().AddDashboard(configuration);
        return new LedgerHarness(services.BuildServiceProvider());
    }

    public async Task PublishAsync(string deviceId, TopicKind kind, byte[] payload)
    {
        var result = await Pipeline.IngestAsync(new IngestMessage(DeviceTopics.For(deviceId, kind), payload, null, deviceId), CancellationToken.None);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"Ingest refused a {kind} message of {deviceId}: {result.Outcome} {result.Reject}");
        }
    }

    public Task BirthAsync(string deviceId, long session, string site, DateTimeOffset at) =>
        PublishAsync(deviceId, TopicKind.State, JsonCodec.Encode(new StateMessage { Version = 1, State = LinkState.Online, Session = session, Timestamp = at, Site = site }));

    public Task DeathAsync(string deviceId, long session, DateTimeOffset at) =>
        PublishAsync(deviceId, TopicKind.State, JsonCodec.Encode(new StateMessage { Version = 1, State = LinkState.Offline, Session = session, Timestamp = at, Reason = "lost" }));

    public Task EventAsync(string deviceId, LedgerEvent e) => PublishAsync(deviceId, TopicKind.Events, JsonCodec.Encode(new EventBatch
    {
        Version = 1,
        SeqFrom = e.Seq,
        SeqTo = e.Seq,
        Events = [new DeviceEvent { Seq = e.Seq, Timestamp = e.Timestamp, Code = e.Code, Action = e.Action, Severity = Severity.Major }],
    }));

    public Task ReadingsAsync(string deviceId, IReadOnlyList<(long Seq, DateTimeOffset At, double Volts)> readings) =>
        PublishAsync(deviceId, TopicKind.Telemetry, JsonCodec.Encode(new TelemetryBatch
        {
            Version = 1,
            SeqFrom = readings[0].Seq,
            SeqTo = readings[^1].Seq,
            Readings = readings.Select(r => new Reading { Seq = r.Seq, Channel = "battery_v", Timestamp = r.At, Value = r.Volts, Quality = Quality.Good }).ToList(),
        }));

    public async ValueTask DisposeAsync()
    {
        var store = _services.GetRequiredService<LiteDbStore>();
        await _services.DisposeAsync();
        await store.DisposeAsync();
    }
}
