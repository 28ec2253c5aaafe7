using System.Globalization;
using Microsoft.Extensions.Configuration;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.Edge.Sensing;

namespace Thanhhoa.Iot.EndToEnd.Tests.Harness;

/// <summary>
/// The quota tests' gateway: composed as in production with a 1 MiB LiteDB outbox, fast loss reports and a
/// cbor+deflate uplink, filled while offline (readings in batches, an alarm every few batches), then drained
/// into the cloud process until its loss ledger has nothing missing.
/// </summary>
internal static class OfflineOutbox
{
    public static IConfiguration Configuration(string deviceId, string site, string directory, int mqttPort, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Gateway:DeviceId"] = deviceId,
            ["Gateway:Site"] = site,
            ["Gateway:DataDirectory"] = directory,
            ["Outbox:DataDirectory"] = directory,
            ["Outbox:QuotaBytes"] = (1024 * 1024).ToString(CultureInfo.InvariantCulture),
            ["Outbox:LossReportInterval"] = "00:00:00.200",
            ["Uplink:Host"] = "127.0.0.1",
            ["Uplink:Port"] = mqttPort.ToString(CultureInfo.InvariantCulture),
            ["Uplink:Encoding"] = "cbor+deflate",
            ["Uplink:BackoffMin"] = "00:00:00.050",
            ["Uplink:BackoffMax"] = "00:00:01",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }

    /// <summary>Appends <paramref name="batches"/> reading batches, and an alarm before every <paramref name="alarmEvery"/>-th; returns their sequence numbers.</summary>
    public static async Task<(List<long> Readings, List<long> Alarms)> FillAsync(
        IOutbox outbox, int batches, int alarmEvery, Func<int, SensorReading[]> readingsOf, DateTimeOffset start)
    {
        var alarms = new List<long>();
        var readings = new List<long>();
        for (var batch = 0; batch < batches; batch++)
        {
            readings.AddRange(await outbox.AppendReadingsAsync(readingsOf(batch), CancellationToken.None));
            if (batch % alarmEvery == 0)
            {
                alarms.Add(await outbox.AppendEventAsync(new EventDraft(start.AddMinutes(batch), $"alarm_{batch}", EventAction.Raise, Severity.Major), CancellationToken.None));
            }
        }

        return (readings, alarms);
    }

    /// <summary>Waits until the outbox is empty and the cloud's ledger for the device misses nothing up to past <paramref name="lastReading"/>.</summary>
    public static Task<LossView?> DrainedLossAsync(CloudProcess cloud, string deviceId, IOutbox outbox, long lastReading, TimeSpan timeout) =>
        Eventually.UntilAsync(
            () => cloud.Api.LossAsync(deviceId),
            l => l is not null && l.Missing.Count == 0 && l.HighestSeq > lastReading && outbox.GetStatus() is { PendingReadings: 0, PendingEvents: 0 },
            timeout, "the outbox drained and no range missing");
}
