using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Commands;
using Thanhhoa.Iot.Edge.Hosting;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.Edge.Sensing;
using Thanhhoa.Iot.Edge.Sensing.Gpio;

namespace Thanhhoa.Iot.Edge.Tests.Commands;

/// <summary>
/// The gateway's command and configuration services as AddGatewayCommands composes them, on a real
/// LiteDB outbox and journal in <paramref name="dataDirectory"/>, fed as the uplink would feed them
/// (without MQTT); results are taken from the outbox's priority lane as the uplink would take them.
/// </summary>
internal sealed class CommandGatewayHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 26, 4, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;
    private List<IHostedService> _started = [];

    public CommandGatewayHarness(string dataDirectory, FakeTimeProvider time, Action<IServiceCollection>? extra = null, IDictionary<string, string?>? settings = null)
    {
        Time = time;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(new TestContextLoggerProvider()).SetMinimumLevel(LogLevel.Debug));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(time);
        services.AddOptions<GatewayOptions>().Configure(o => (o.DeviceId, o.DataDirectory, o.Site) = ("gw-cmd", dataDirectory, "th-001"));
        services.AddSingleton<IOutbox>(_ => LiteDbOutbox.Open(new OutboxOptions { DataDirectory = Path.Combine(dataDirectory, "outbox") }));
        extra?.Invoke(services);
        services.AddGatewayCommands(configuration);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => _services;

    public IOutbox Outbox => _services.GetRequiredService<IOutbox>();

    internal CommandReceiver Receiver => _services.GetRequiredService<CommandReceiver>();

    public static DeviceCommand Command(string id, string type, object? args = null, TimeSpan? validFor = null, DateTimeOffset? notBefore = null) => new()
    {
        Version = ContractInfo.Version,
        Id = id,
        Type = type,
        Arguments = args is null ? null : JsonSerializer.SerializeToElement(args).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()),
        Timestamp = Start,
        NotBefore = notBefore,
        Expires = Start + (validFor ?? TimeSpan.FromHours(1)),
    };

    public async Task StartAsync()
    {
        _services.GetService<IStartupValidator>()?.Validate();
        foreach (var hosted in _services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
            _started.Add(hosted);
        }
    }

    /// <summary>Delivers a command as the MQTT downlink would (the PUBACK follows this call's return).</summary>
    public Task DeliverAsync(DeviceCommand command) => Receiver.ReceiveAsync(JsonCodec.Encode(command), ContractInfo.JsonContentType, CancellationToken.None);

    /// <summary>The next command result in the outbox (oldest first); acknowledges it as the uplink would after the PUBACK.</summary>
    public async Task<CommandResult> NextResultAsync() => JsonCodec.DecodeCommandResult((await NextMessageAsync()).Payload);

    /// <summary>The next configuration report in the outbox, acknowledged.</summary>
    public async Task<ConfigReport> NextReportAsync() => JsonCodec.DecodeConfigReport((await NextMessageAsync()).Payload);

    /// <summary>Delivers a desired configuration as the MQTT downlink would.</summary>
    public Task DeliverConfigAsync(DesiredConfigMessage config) =>
        _services.GetRequiredService<Thanhhoa.Iot.Edge.Configuration.DesiredConfigReceiver>()
            .ReceiveAsync(JsonCodec.Encode(config), ContractInfo.JsonContentType, CancellationToken.None);

    /// <summary>The next control message in the outbox, acknowledged as the uplink would after the PUBACK.</summary>
    public async Task<PendingMessage> NextMessageAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var pending = Outbox.PeekMessages(1);
            if (pending.Count > 0)
            {
                await Outbox.AcknowledgeAsync([pending[0].Seq], CancellationToken.None);
                return pending[0];
            }

            await Outbox.WaitForPriorityAsync(timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in Enumerable.Reverse(_started))
        {
            await hosted.StopAsync(CancellationToken.None);
        }

        _started = [];
        await _services.DisposeAsync();
    }
}
