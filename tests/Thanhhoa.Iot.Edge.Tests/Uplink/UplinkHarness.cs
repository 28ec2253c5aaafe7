using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Edge.Hosting;
using Thanhhoa.Iot.Edge.Sensing;
using Thanhhoa.Iot.Edge.Uplink;
using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Edge.Tests.Uplink;

/// <summary>Builds a real <see cref="MqttUplink"/> against a test broker, with fast backoff for tests.</summary>
internal sealed class UplinkHarness : IAsyncDisposable
{
    public const string DeviceId = "gw-test";

    private MqttUplink? _uplink;

    public UplinkHarness(int port, string dataDirectory, TimeProvider? time = null, Random? random = null, Action<UplinkOptions>? configure = null)
    {
        Options = new UplinkOptions
        {
            Host = "127.0.0.1",
            Port = port,
            BackoffMin = TimeSpan.FromMilliseconds(10),
            BackoffMax = TimeSpan.FromMilliseconds(200),
            OperationTimeout = TimeSpan.FromSeconds(10),
        };
        configure?.Invoke(Options);
        Gateway = new GatewayOptions { DeviceId = DeviceId, DataDirectory = dataDirectory, Site = "th-001", Firmware = "test" };
        Time = time ?? TimeProvider.System;
        Random = random ?? new Random(1);
    }

    public UplinkOptions Options { get; }

    public GatewayOptions Gateway { get; }

    public TimeProvider Time { get; }

    public Random Random { get; }

    public InMemoryOutboxDouble Outbox { get; } = new();

    public UplinkStatus Status { get; } = new();

    /// <summary>The running firmware (A/B slots); null: the configured <see cref="GatewayOptions.Firmware"/>.</summary>
    public IFirmwareIdentity? Firmware { get; set; }

    /// <summary>Receives down/ messages; defaults to the logging handler.</summary>
    public IDownlinkHandler? Downlink { get; set; }

    public MqttUplink Start()
    {
        _uplink = new MqttUplink(
            Outbox, Microsoft.Extensions.Options.Options.Create(Options), Microsoft.Extensions.Options.Options.Create(Gateway), Status,
            Downlink ?? new LoggingDownlinkHandler(NullLogger<LoggingDownlinkHandler>.Instance), Time, new TestContextLogger<MqttUplink>(), Random, firmware: Firmware);
        _ = _uplink.StartAsync(CancellationToken.None);
        return _uplink;
    }

    public async Task StopAsync()
    {
        if (_uplink is { } uplink)
        {
            _uplink = null;
            await uplink.StopAsync(CancellationToken.None);
            uplink.Dispose();
        }
    }

    /// <summary>Completes when <paramref name="condition"/> holds for the uplink's status (now or after a change).</summary>
    public Task<UplinkStatusSnapshot> WhenStatusAsync(Func<UplinkStatusSnapshot, bool> condition)
    {
        var signal = new TaskCompletionSource<UplinkStatusSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(object? sender, UplinkStatusSnapshot s)
        {
            if (condition(s))
            {
                signal.TrySetResult(s);
            }
        }

        Status.Changed += OnChanged;
        if (condition(Status.Current))
        {
            signal.TrySetResult(Status.Current);
        }

        return signal.Task.WaitAsync(TimeSpan.FromSeconds(30)).ContinueWith(t =>
        {
            Status.Changed -= OnChanged;
            return t;
        }, TaskScheduler.Default).Unwrap();
    }

    public ValueTask<IReadOnlyList<long>> AddReadingsAsync(int count, string channel = "battery_v")
    {
        var now = DateTimeOffset.UtcNow;
        var readings = Enumerable.Range(0, count).Select(i => new SensorReading(channel, now.AddSeconds(i), 50 + (i % 5), Quality.Good)).ToList();
        return Outbox.AppendReadingsAsync(readings, CancellationToken.None);
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
