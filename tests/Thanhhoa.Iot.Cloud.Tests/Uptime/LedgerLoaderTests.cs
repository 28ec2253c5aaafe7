using NUnit.Framework;
using Thanhhoa.Iot.Cloud.Storage;
using Thanhhoa.Iot.Cloud.Dashboard.Postgres;
using Thanhhoa.Iot.Cloud.Storage.Postgres;
using Thanhhoa.Iot.Cloud.Tests.Storage;
using Thanhhoa.Iot.Cloud.Uptime;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Tests.Uptime;

/// <summary>
/// Start-up warms every gateway's history from the stores. Under PostgreSQL events, link history and observed spans
/// are all in PostgreSQL (shared by every node): the warm-up reads each from there.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class LedgerLoaderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task LoadAll_EventsInPostgres_EveryGatewaysAlarmsLoaded()
    {
        var db = await PostgresDatabase.CreateAsync("ledger");
        await using var postgres = await db.OpenAsync();
        var telemetry = new PostgresTelemetryStore(postgres);
        var links = new PostgresLinkHistoryStore(postgres, TimeProvider.System);
        await links.AppendAsync("gw-1", new LinkChange(T0, true), CancellationToken.None);
        await telemetry.AppendEventsAsync(
        [
            Event("gw-1", 1, T0.AddMinutes(-30)), Event("gw-1", 2, T0.AddMinutes(10)), Event("gw-2", 1, T0.AddMinutes(20)),
        ], CancellationToken.None);

        var histories = new Dictionary<string, DeviceHistory>(StringComparer.Ordinal);
        await new LedgerLoader(telemetry, links, new PostgresObservationStore(postgres, TimeProvider.System))
            .LoadAllAsync(T0, id => histories.TryGetValue(id, out var h) ? h : histories[id] = new DeviceHistory(id, T0), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(histories.Keys, Is.EquivalentTo(new[] { "gw-1", "gw-2" }));
            Assert.That(histories["gw-1"].Events().Select(e => e.Seq), Is.EqualTo(new[] { 2L }), "only events since the horizon");
            Assert.That(histories["gw-2"].Events().Select(e => e.Code), Is.EqualTo(new[] { AlarmCodes.MainsFail }));
        });
    }

    private static StoredEvent Event(string device, long seq, DateTimeOffset at) =>
        new(device, seq, at, AlarmCodes.MainsFail, EventAction.Raise, Severity.Critical, "mains", null, null, at);
}
