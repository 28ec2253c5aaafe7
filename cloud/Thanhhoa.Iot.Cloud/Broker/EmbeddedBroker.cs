using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using MQTTnet.Server;
using Thanhhoa.Iot.Cloud.Registry;

namespace Thanhhoa.Iot.Cloud.Broker;

/// <summary>The in-process MQTTnet broker gateways connect to (Broker:Mode = Embedded).</summary>
public sealed class EmbeddedBroker : IHostedService, IBrokerStatus, IDisposable
{
    private readonly BrokerOptions _options;
    private readonly EmbeddedBrokerHandlers _handlers;
    private readonly IDeviceRegistry _registry;
    private readonly TimeProvider _time;
    private readonly ILogger<EmbeddedBroker> _logger;
    private readonly IReadOnlyList<IEmbeddedBrokerAttachment> _attachments;
    private MqttServer? _server;

    public EmbeddedBroker(
        IOptions<BrokerOptions> options,
        EmbeddedBrokerHandlers handlers,
        IDeviceRegistry registry,
        TimeProvider time,
        ILogger<EmbeddedBroker> logger,
        IEnumerable<IEmbeddedBrokerAttachment>? attachments = null)
    {
        _attachments = attachments?.ToList() ?? [];
        _options = options.Value;
        _handlers = handlers;
        _registry = registry;
        _time = time;
        _logger = logger;
    }

    public bool IsReady => _server?.IsStarted == true;

    public string Description => $"embedded MQTT broker on {_options.BindAddress}:{_options.Port} ({(IsReady ? "listening" : "not listening")})";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Nothing is connected to a broker that was not running, so whatever the registry says is stale.
        var marked = await _registry.MarkAllOfflineAsync("cloud restarted", _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        BrokerLog.MarkedOfflineAtStart(_logger, marked);

        var address = IPAddress.Parse(_options.BindAddress);
        if (!IPAddress.IsLoopback(address) && string.IsNullOrEmpty(_options.ServicePassword))
        {
            BrokerLog.ServiceIdentityUnprotected(_logger, _options.BindAddress, _options.ServiceClientId);
        }

        var builder = new MqttServerFactory().CreateServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointPort(_options.Port)
            .WithMaxPendingMessagesPerClient(_options.MaxPendingMessagesPerClient)
            .WithPersistentSessions();
        builder = address.AddressFamily == AddressFamily.InterNetworkV6
            ? builder.WithDefaultEndpointBoundIPAddress(IPAddress.None).WithDefaultEndpointBoundIPV6Address(address)
            : builder.WithDefaultEndpointBoundIPAddress(address).WithDefaultEndpointBoundIPV6Address(IPAddress.None);

        var options = builder.Build();
        options.DefaultEndpointOptions.NoDelay = true;
        _server = new MqttServerFactory().CreateMqttServer(options);
        _handlers.Attach(_server);
        foreach (var attachment in _attachments)
        {
            attachment.Attach(_server);
        }

        await _server.StartAsync().ConfigureAwait(false);
        BrokerLog.EmbeddedStarted(_logger, _options.BindAddress, _options.Port);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            await _server.StopAsync().ConfigureAwait(false);
        }
    }

    public void Dispose() => _server?.Dispose();
}
