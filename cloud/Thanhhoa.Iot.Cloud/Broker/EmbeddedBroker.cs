using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using Microsoft.Extensions.Options;
using MQTTnet.Protocol;
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
    private readonly IBrokerCertificates? _certificates;
    private readonly IReadOnlyList<IEmbeddedBrokerAttachment> _attachments;
    private MqttServer? _server;

    public EmbeddedBroker(
        IOptions<BrokerOptions> options,
        EmbeddedBrokerHandlers handlers,
        IDeviceRegistry registry,
        TimeProvider time,
        ILogger<EmbeddedBroker> logger,
        IEnumerable<IEmbeddedBrokerAttachment>? attachments = null,
        IBrokerCertificates? certificates = null)
    {
        _attachments = attachments?.ToList() ?? [];
        _options = options.Value;
        _handlers = handlers;
        _registry = registry;
        _time = time;
        _logger = logger;
        _certificates = certificates;
    }

    public bool IsReady => _server?.IsStarted == true;

    public string Description => $"embedded MQTT broker on {_options.BindAddress} ({Listeners}; {(IsReady ? "listening" : "not listening")})";

    private string Listeners => (_options.Port, _options.Tls.Enabled) switch
    {
        (0, _) => $"TLS {_options.Tls.Port}",
        (var plain, true) => $"TCP {plain}, TLS {_options.Tls.Port}",
        (var plain, false) => $"TCP {plain}",
    };

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Nothing is connected to a broker that was not running, so whatever the registry says is stale.
        var marked = await _registry.MarkAllOfflineAsync("cloud restarted", _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        BrokerLog.MarkedOfflineAtStart(_logger, marked);

        var options = BuildServerOptions(IPAddress.Parse(_options.BindAddress));
        _server = new MqttServerFactory().CreateMqttServer(options);
        _handlers.Attach(_server);
        foreach (var attachment in _attachments)
        {
            attachment.Attach(_server);
        }

        await _server.StartAsync().ConfigureAwait(false);
        BrokerLog.EmbeddedStarted(_logger, _options.BindAddress, Listeners);
    }

    /// <summary>Disconnects a client now (e.g. its credentials were revoked); nothing happens when it is not connected.</summary>
    public async Task DisconnectClientAsync(string clientId, string reason)
    {
        if (_server is not { IsStarted: true } server)
        {
            return;
        }

        var connected = await server.GetClientsAsync().ConfigureAwait(false);
        if (connected.Any(c => string.Equals(c.Id, clientId, StringComparison.Ordinal)))
        {
            var disconnect = new MqttServerClientDisconnectOptions { ReasonCode = MqttDisconnectReasonCode.NotAuthorized, ReasonString = reason };
            await server.DisconnectClientAsync(clientId, disconnect).ConfigureAwait(false);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            await _server.StopAsync().ConfigureAwait(false);
        }
    }

    public void Dispose() => _server?.Dispose();

    private MqttServerOptions BuildServerOptions(IPAddress address)
    {
        var v6 = address.AddressFamily == AddressFamily.InterNetworkV6;
        var builder = new MqttServerFactory().CreateServerOptionsBuilder()
            .WithMaxPendingMessagesPerClient(_options.MaxPendingMessagesPerClient)
            .WithPersistentSessions();
        builder = _options.Port == 0
            ? builder.WithoutDefaultEndpoint()
            : builder.WithDefaultEndpoint().WithDefaultEndpointPort(_options.Port)
                .WithDefaultEndpointBoundIPAddress(v6 ? IPAddress.None : address).WithDefaultEndpointBoundIPV6Address(v6 ? address : IPAddress.None);
        if (_options.Tls.Enabled)
        {
            var certificates = _certificates ?? throw new InvalidOperationException("Broker:Tls:Enabled is true but no certificate source is registered.");
            builder = builder.WithEncryptedEndpoint().WithEncryptedEndpointPort(_options.Tls.Port)
                .WithEncryptedEndpointBoundIPAddress(v6 ? IPAddress.None : address).WithEncryptedEndpointBoundIPV6Address(v6 ? address : IPAddress.None)
                .WithEncryptionCertificate(certificates.ServerCertificate())
                .WithEncryptionSslProtocol(SslProtocols.Tls12 | SslProtocols.Tls13);
        }

        var options = builder.Build();
        options.DefaultEndpointOptions.NoDelay = true;
        options.TlsEndpointOptions.NoDelay = true;
        return options;
    }
}
