using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Cloud.Dashboard;
using Thanhhoa.Iot.Cloud.Dashboard.Postgres;
using Thanhhoa.Iot.Cloud.Registry;
using Thanhhoa.Iot.Cloud.Sites;
using Thanhhoa.Iot.Cloud.Storage;
using Thanhhoa.Iot.Cloud.Storage.Postgres;
using Thanhhoa.Iot.Cloud.Uptime;

namespace Thanhhoa.Iot.Cloud.Tests.Dashboard;

/// <summary>
/// The dashboard of one cloud node over PostgreSQL, composed as the host does: its live view and board, its cluster
/// poll, and its ingest's side (readings writer, then the dashboard's ingest listener, as the pipeline calls them).
/// </summary>
internal sealed class ClusterNode : IAsyncDisposable
{
    private readonly PostgresReadingsWriter _writer;
    private readonly DashboardIngestListener _listener;

    public ClusterNode(PostgresStore store, TimeProvider time)
    {
        var options = Options.Create(new ClusterViewOptions());
        var uptime = Options.Create(new UptimeOptions());
        var telemetry = new PostgresTelemetryStore(store);
        var links = new PostgresLinkHistoryStore(store, time);
        var observations = new PostgresObservationStore(store, time);
        var acks = new PostgresAlarmAckStore(store);
        var histories = new DeviceHistoryCache(new LedgerLoader(telemetry, links, observations), uptime, time);
        Devices = new LiveDevices(new PostgresDeviceRegistry(store));
        Board = new SiteBoard(new PostgresSiteCatalog(store, options, time), Devices, histories, acks, telemetry, uptime, time);
        var push = new SitePush(Board, new DashboardFeed(Options.Create(new JsonOptions())));
        View = new ClusterLiveView(store, links, observations, acks, telemetry, histories, Devices, push, options, time, NullLogger<ClusterLiveView>.Instance);
        _writer = new PostgresReadingsWriter(store);
        _listener = new DashboardIngestListener(links, observations, histories, uptime, Devices, push, NullLogger<DashboardIngestListener>.Instance);
    }

    public ClusterLiveView View { get; }

    public SiteBoard Board { get; }

    public LiveDevices Devices { get; }

    /// <summary>This node ingests a telemetry message: stores it (one group commit), then hands the row to its dashboard.</summary>
    public async Task IngestAsync(IReadOnlyList<StoredReading> readings, DateTimeOffset seenAt) =>
        await HandOverAsync(readings, await StoreAsync(readings, seenAt));

    /// <summary>The first half of <see cref="IngestAsync"/>: the row as this node's writer committed it.</summary>
    public async Task<DeviceState> StoreAsync(IReadOnlyList<StoredReading> readings, DateTimeOffset seenAt) =>
        (await _writer.StoreReadingsAsync(readings[0].DeviceId, readings, seenAt, CancellationToken.None)).Device;

    /// <summary>The second half: ingest hands the committed row to the dashboard's listener.</summary>
    public Task HandOverAsync(IReadOnlyList<StoredReading> readings, DeviceState device) =>
        _listener.ReadingsStoredAsync(readings[0].DeviceId, readings, device, CancellationToken.None).AsTask();

    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}
