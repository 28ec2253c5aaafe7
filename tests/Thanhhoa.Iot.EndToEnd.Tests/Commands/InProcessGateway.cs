using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Thanhhoa.Iot.Edge.Commands;
using Thanhhoa.Iot.Edge.Hosting;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.Edge.Sensing.Profiles;

namespace Thanhhoa.Iot.EndToEnd.Tests.Commands;

/// <summary>
/// A real gateway composition (AddGateway: uplink, outbox, commands, desired configuration) with a small
/// BTS site profile on fake hardware, in the test process so the test can look inside it and count how
/// often a command really ran. Started and stopped like <c>thgw run</c>; its state survives in its directory.
/// </summary>
public sealed class InProcessGateway : IAsyncDisposable
{
    public const string MainsInterlock = "generator start relay refused while mains present";

    private GatewayInstance? _instance;

    public InProcessGateway(string deviceId, string dataDirectory, int brokerPort, IEnumerable<ICommandHandler>? handlers = null)
    {
        DeviceId = deviceId;
        DataDirectory = dataDirectory;
        BrokerPort = brokerPort;
        Handlers = handlers?.ToList() ?? [];
    }

    public string DeviceId { get; }

    public string DataDirectory { get; }

    public int BrokerPort { get; }

    public IReadOnlyList<ICommandHandler> Handlers { get; }

    public IServiceProvider Services => _instance?.Services ?? throw new InvalidOperationException("The gateway is not running.");

    public async Task StartAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Gateway:DeviceId"] = DeviceId,
            ["Gateway:DataDirectory"] = DataDirectory,
            ["Outbox:DataDirectory"] = Path.Combine(DataDirectory, "outbox"),
            ["Uplink:Host"] = "127.0.0.1",
            ["Uplink:Port"] = BrokerPort.ToString(CultureInfo.InvariantCulture),
            ["Uplink:BackoffMin"] = "00:00:00.100",
            ["Uplink:BackoffMax"] = "00:00:01",
            ["Site:Hardware"] = SiteHardwareKinds.Fake,
            ["Site:Channels:0:Id"] = "mains",
            ["Site:Channels:0:Driver"] = "gpio-in",
            ["Site:Channels:0:Pin"] = "5",
            ["Site:Channels:0:Pull"] = "up",
            ["Site:Channels:0:ActiveLow"] = "true",
            ["Site:Channels:0:PollInterval"] = "5s",
            ["Site:Channels:0:Unit"] = "bool",
            ["Site:Channels:1:Id"] = "battery_v",
            ["Site:Channels:1:Driver"] = "ina219",
            ["Site:Channels:1:I2cBus"] = "1",
            ["Site:Channels:1:I2cAddress"] = "0x40",
            ["Site:Channels:1:Quantity"] = "busVoltage",
            ["Site:Channels:1:PollInterval"] = "10s",
            ["Site:Channels:1:Unit"] = "V",
            ["Site:Channels:2:Id"] = "gen_start",
            ["Site:Channels:2:Driver"] = "gpio-out",
            ["Site:Channels:2:Pin"] = "26",
            // Naming the mains contact lets the fake hardware start as a healthy site: mains present.
            ["Site:Alarms:MainsFail:Channel"] = "mains",
            ["Site:Alarms:BatteryLow:Channel"] = "battery_v",
            ["Site:Alarms:BatteryLow:Raise"] = "47",
            ["Site:Alarms:BatteryLow:Clear"] = "49",
            ["Site:Interlocks:0:Output"] = "gen_start",
            ["Site:Interlocks:0:Channel"] = "mains",
            ["Site:Interlocks:0:RefuseIf"] = "above",
            ["Site:Interlocks:0:Value"] = "0.5",
            ["Site:Interlocks:0:Reason"] = MainsInterlock,
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        _instance = GatewayInstance.Create(configuration, (services, config) =>
        {
            services.AddLiteDbOutbox(config.GetSection(OutboxOptions.SectionName));
            foreach (var handler in Handlers)
            {
                services.AddSingleton(handler);
            }
        });
        await _instance.StartAsync(CancellationToken.None);
    }

    /// <summary>Stops like <c>systemctl stop thgw</c>: goodbye on the uplink, files closed.</summary>
    public async Task StopAsync()
    {
        if (_instance is { } instance)
        {
            _instance = null;
            await instance.StopAsync(CancellationToken.None);
            await instance.DisposeAsync();
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
