using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.TestSupport.Vectors;

/// <summary>
/// The reference BTS batch for size and speed figures: 20 channels × 15 readings, each channel at its
/// own interval between 5 and 60 s, values as real drivers report them (INA219 to 0.01 A/V, DS18B20
/// in 1/16 °C, BME280 to 0.1, Modbus meters to 0.1 V / 0.01 Hz / 0.01 kWh, digital inputs 0/1).
/// Deterministic: the same seed gives the same batch.
/// </summary>
public static class ReferenceBtsBatch
{
    /// <summary>Device id used for the topic in wire-size figures.</summary>
    public const string DeviceId = "bts-th-0042";

    private static readonly (string Channel, int PeriodSeconds, Func<Random, int, double> Value)[] Channels =
    [
        ("mains", 60, (_, _) => 1),
        ("gen_running", 60, (_, _) => 0),
        ("door_open", 60, (_, i) => i is >= 6 and <= 8 ? 1 : 0),
        ("smoke", 60, (_, _) => 0),
        ("aircon_on", 30, (_, i) => i % 4 < 2 ? 1 : 0),
        ("battery_v", 5, (r, i) => Math.Round(53.6 - (i * 0.01) + (r.Next(-3, 4) * 0.01), 2)),
        ("battery_a", 5, (r, _) => Math.Round(-2.35 + (r.Next(-5, 6) * 0.01), 2)),
        ("load_a", 5, (r, _) => Math.Round(21.4 + (r.Next(-30, 31) * 0.01), 2)),
        ("rectifier_v", 10, (r, _) => Math.Round(54.0 + (r.Next(-2, 3) * 0.1), 1)),
        ("rectifier_a", 10, (r, _) => Math.Round(24.3 + (r.Next(-10, 11) * 0.1), 1)),
        ("cabinet_temp", 30, (r, i) => Math.Round(31.5 + (i * 0.1) + (r.Next(-2, 3) * 0.1), 1)),
        ("battery_temp", 30, (r, i) => 28 + (r.Next(0, 8) / 16.0)),
        ("humidity", 30, (r, _) => Math.Round(78.4 + (r.Next(-10, 11) * 0.1), 1)),
        ("ac_v_l1", 10, (r, _) => Math.Round(229.7 + (r.Next(-20, 21) * 0.1), 1)),
        ("ac_v_l2", 10, (r, _) => Math.Round(231.2 + (r.Next(-20, 21) * 0.1), 1)),
        ("ac_v_l3", 10, (r, _) => Math.Round(228.9 + (r.Next(-20, 21) * 0.1), 1)),
        ("ac_a_l1", 10, (r, _) => Math.Round(4.8 + (r.Next(-20, 21) * 0.01), 2)),
        ("freq_hz", 10, (r, _) => Math.Round(50 + (r.Next(-5, 6) * 0.01), 2)),
        ("energy_kwh", 60, (_, i) => Math.Round(18234.57 + (i * 0.02), 2)),
        ("rssi_dbm", 60, (r, _) => -87 + r.Next(-3, 4)),
    ];

    /// <summary>Readings per channel.</summary>
    public const int ReadingsPerChannel = 15;

    /// <summary>Builds the batch: readings in time order (channel order within one instant), seq from <paramref name="seqFrom"/>.</summary>
    public static TelemetryBatch Create(int seed = 42, long seqFrom = 1_000_001)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2026, 11, 26, 4, 0, 0, TimeSpan.Zero);
        var points = new List<(DateTimeOffset At, int Channel, double Value)>();
        for (var c = 0; c < Channels.Length; c++)
        {
            var (_, period, value) = Channels[c];
            for (var i = 0; i < ReadingsPerChannel; i++)
            {
                points.Add((start.AddSeconds(period * i), c, value(random, i)));
            }
        }

        var ordered = points.OrderBy(p => p.At).ThenBy(p => p.Channel).ToArray();
        var readings = new Reading[ordered.Length];
        for (var i = 0; i < readings.Length; i++)
        {
            readings[i] = new Reading
            {
                Seq = seqFrom + i,
                Channel = Channels[ordered[i].Channel].Channel,
                Timestamp = ordered[i].At,
                Value = ordered[i].Value,
                Quality = Quality.Good,
            };
        }

        return new TelemetryBatch { Version = ContractInfo.Version, SeqFrom = seqFrom, SeqTo = readings[^1].Seq, Readings = readings };
    }
}
