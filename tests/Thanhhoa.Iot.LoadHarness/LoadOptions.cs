using System.Globalization;
using Thanhhoa.Iot.Contracts.Codec;

namespace Thanhhoa.Iot.LoadHarness;

/// <summary>What to simulate and against what (command line: <c>--name value</c>).</summary>
public sealed record LoadOptions
{
    public string BrokerHost { get; init; } = "127.0.0.1";

    public int BrokerPort { get; init; } = 1883;

    public int Gateways { get; init; } = 100;

    /// <summary>Readings per telemetry batch.</summary>
    public int ReadingsPerBatch { get; init; } = 50;

    /// <summary>Each gateway publishes a batch this often (zero: as soon as the previous one is acknowledged).</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Measured time, after every gateway connected and a warm-up.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Batches in flight across all gateways at once (each gateway has at most one).</summary>
    public int MaxInFlight { get; init; } = 2000;

    /// <summary>New connections per second while the fleet connects.</summary>
    public int ConnectRate { get; init; } = 500;

    public string Prefix { get; init; } = "lh-";

    public PayloadEncoding Encoding { get; init; } = PayloadEncoding.Cbor;

    /// <summary>Cloud base URLs whose /metrics readings counters are summed (empty: none).</summary>
    public IReadOnlyList<Uri> Clouds { get; init; } = [];

    /// <summary>When set, a bare subscriber on this filter counts and discards messages (the baseline).</summary>
    public string? SinkFilter { get; init; }

    /// <summary>Stop publishing after this many batches per gateway (0: until the duration ends).</summary>
    public int BatchesPerGateway { get; init; }

    /// <summary>
    /// Obey the cloud's drain-rate hint (user property <c>thiot-drain</c>, readings/s, on CONNACK and PUBACK) as the
    /// real gateway does: after a batch of n readings the next waits n / rate; the first waits a random part of that.
    /// Gateways without a hint keep <see cref="Interval"/>.
    /// </summary>
    public bool HonourDrainHint { get; init; }

    /// <summary>
    /// During the measured window, one command (type <c>ping</c>) to the next gateway this often through the first cloud's
    /// REST API, timed until the cloud shows it succeeded (zero: no commands, and gateways do not subscribe to down/cmd).
    /// </summary>
    public TimeSpan CommandInterval { get; init; }

    /// <summary>The API key (operator or admin) commands are sent with; the cloud's bootstrap key file in a test set-up.</summary>
    public string? ApiKey { get; init; }

    public static LoadOptions Parse(string[] args)
    {
        var o = new LoadOptions();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var v = args[i + 1];
            o = args[i] switch
            {
                "--broker" => o with { BrokerHost = v.Split(':')[0], BrokerPort = Int(v.Split(':')[1]) },
                "--gateways" => o with { Gateways = Int(v) },
                "--readings" => o with { ReadingsPerBatch = Int(v) },
                "--interval" => o with { Interval = TimeSpan.FromMilliseconds(Int(v)) },
                "--duration" => o with { Duration = TimeSpan.FromSeconds(Int(v)) },
                "--warmup" => o with { Warmup = TimeSpan.FromSeconds(Int(v)) },
                "--in-flight" => o with { MaxInFlight = Int(v) },
                "--connect-rate" => o with { ConnectRate = Int(v) },
                "--prefix" => o with { Prefix = v },
                "--encoding" => o with { Encoding = v == "json" ? PayloadEncoding.Json : PayloadEncoding.Cbor },
                "--cloud" => o with { Clouds = v.Split(',').Select(u => new Uri(u)).ToList() },
                "--sink" => o with { SinkFilter = v },
                "--batches" => o with { BatchesPerGateway = Int(v) },
                "--drain-hint" => o with { HonourDrainHint = v is "true" or "1" },
                "--commands" => o with { CommandInterval = TimeSpan.FromMilliseconds(Int(v)) },
                "--api-key" => o with { ApiKey = v },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'; see the usage text (thiot-load --help)."),
            };
        }

        return o;
    }

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);
}
