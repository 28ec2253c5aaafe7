using System.Diagnostics;
using System.Globalization;
using NUnit.Framework;
using Thanhhoa.Iot.EndToEnd.Tests.Harness;
using Thanhhoa.Iot.LoadHarness;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.EndToEnd.Tests.Scale;

/// <summary>
/// A reconnect storm against the real cloud (embedded broker, LiteDB) with an ingest pace: 2,000 lightweight
/// gateways lose the cloud at once (SIGKILL), gather a backlog, and all come back when it restarts. Every one
/// reconnects, every backlog reading is stored exactly once, and the cloud's own ingest counter never runs
/// faster than its configured pace.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class ReconnectStormTests
{
    private const int Gateways = 2000;
    private const int ReadingsPerBatch = 30;
    private const int Batches = 2;
    private const int Pace = 4000;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(5);

    // The pace allows a burst (Ingest:Burst, 0.2 s) and the store may complete what was admitted but not yet stored
    // (Ingest:InFlight, 0.5 s) at once after a stall: at most 0.7 s of pace above it in any window; 10 % for sampling.
    private static readonly double Tolerance = (1 + (0.7 / Window.TotalSeconds)) * 1.1;

    [Test]
    public async Task Storm_FleetWithBacklogsReconnectsAtOnce_AllReconnectNothingLostIngestWithinPace()
    {
        using var dir = new TempDirectory("e2e-storm");
        await using var cloud = await CloudProcess.StartAsync(dir.Path,
            $"--Ingest:MaxReadingsPerSecond={Pace.ToString(CultureInfo.InvariantCulture)}", "--Logging:LogLevel:Thanhhoa.Iot.Cloud.Ingest=Warning", "--Logging:LogLevel:Thanhhoa.Iot.Cloud.Broker=Warning");
        var options = new LoadOptions
        {
            BrokerPort = cloud.MqttPort, Gateways = Gateways, ReadingsPerBatch = ReadingsPerBatch, BatchesPerGateway = Batches,
            ConnectRate = 1000, MaxInFlight = Gateways, HonourDrainHint = true, Prefix = "storm-", Clouds = [cloud.BaseAddress],
        };
        await using var fleet = await LoadFleet.ConnectAsync(options, TimeProvider.System, CancellationToken.None);
        Assert.That(fleet.Connected, Is.EqualTo(Gateways), "the fleet is up before the outage");

        await cloud.KillAsync();
        await Eventually.UntilAsync(() => Task.FromResult(fleet.Connected), n => n == 0, TimeSpan.FromSeconds(30), "every gateway noticed the outage");
        await cloud.StartAgainAsync();
        using var reconnectDeadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await fleet.ReconnectAllAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), reconnectDeadline.Token);
        Assert.That(fleet.Connected, Is.EqualTo(Gateways), "every gateway reconnected");

        using var probe = new CloudProbe(options.Clouds);
        using var drainDeadline = new CancellationTokenSource(TimeSpan.FromSeconds(100));
        using var sampling = new CancellationTokenSource();
        var samples = SampleAsync(probe, sampling.Token);
        await fleet.RunAsync(drainDeadline.Token);
        await sampling.CancelAsync();
        var sampled = await samples;
        var rates = WindowRates(sampled);
        var overall = OverallRate(sampled);

        const long Expected = (long)Gateways * ReadingsPerBatch * Batches;
        var stored = await probe.ReadingsIngestedAsync(CancellationToken.None);
        var short_ = await DevicesNotWholeAsync(cloud, fleet.DeviceIds);
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"reconnect failures retried: {fleet.ReconnectFailures}; stored {stored}; 5 s windows: max {rates.Max():F0}/s, whole drain {overall:F0}/s (pace {Pace}/s); {string.Join(' ', rates.Select(r => r.ToString("F0", CultureInfo.InvariantCulture)))}"));
        Assert.Multiple(() =>
        {
            Assert.That(fleet.AckedReadings, Is.EqualTo(Expected), "every backlog batch acknowledged");
            Assert.That(stored, Is.EqualTo(Expected), "the cloud stored each reading exactly once");
            Assert.That(short_, Is.Empty, "devices whose loss ledger is not exactly 1..60 stored");
            Assert.That(rates.Max(), Is.LessThanOrEqualTo(Pace * Tolerance), "ingest within its pace in every 5 s window");
            Assert.That(overall, Is.LessThanOrEqualTo(Pace * 1.05), "ingest within its pace over the whole drain");
        });
    }

    /// <summary>The cloud's readings counter every 250 ms (another process: nothing to wait on but the clock).</summary>
    private static async Task<List<(TimeSpan At, long Readings)>> SampleAsync(CloudProbe probe, CancellationToken stop)
    {
        var samples = new List<(TimeSpan, long)>();
        var clock = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        try
        {
            do
            {
                // Labelled with the middle of the request: the counter was read somewhere in between.
                var asked = clock.Elapsed;
                var readings = await probe.ReadingsIngestedAsync(stop);
                samples.Add(((asked + clock.Elapsed) / 2, readings));
            }
            while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException)
        {
            // Sampling ends with the drain.
        }

        return samples;
    }

    /// <summary>Readings per second over every window of at least <see cref="Window"/> between samples.</summary>
    private static List<double> WindowRates(List<(TimeSpan At, long Readings)> samples)
    {
        var rates = new List<double>();
        for (var i = 0; i < samples.Count; i++)
        {
            var j = samples.FindIndex(i, s => s.At - samples[i].At >= Window);
            if (j < 0)
            {
                break;
            }

            rates.Add((samples[j].Readings - samples[i].Readings) / (samples[j].At - samples[i].At).TotalSeconds);
        }

        return rates.Count > 0 ? rates : [0];
    }

    /// <summary>Readings per second from the first stored reading to the last.</summary>
    private static double OverallRate(List<(TimeSpan At, long Readings)> samples)
    {
        var first = samples.FindLastIndex(s => s.Readings == 0);
        var last = samples.FindIndex(s => s.Readings == samples[^1].Readings);
        return first < 0 || last <= first ? 0 : samples[last].Readings / (samples[last].At - samples[first].At).TotalSeconds;
    }

    private static async Task<List<string>> DevicesNotWholeAsync(CloudProcess cloud, IReadOnlyList<string> devices)
    {
        var notWhole = new List<string>();
        foreach (var id in devices)
        {
            var loss = await cloud.Api.LossAsync(id);
            if (loss is null || loss.Stored != ReadingsPerBatch * Batches || loss.HighestSeq != ReadingsPerBatch * Batches || loss.Missing.Count > 0)
            {
                notWhole.Add(id);
            }
        }

        return notWhole;
    }
}
