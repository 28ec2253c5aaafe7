using System.Net;
using MQTTnet.Server;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Benchmarks.Commands;

/// <summary>An MQTTnet server on a free loopback port that acknowledges and discards, like a broker with no subscribers.</summary>
internal sealed class LoopbackBroker : IAsyncDisposable
{
    private readonly MqttServer _server;

    private LoopbackBroker(MqttServer server, int port)
    {
        _server = server;
        Port = port;
    }

    public int Port { get; }

    public long Received;

    public static async Task<LoopbackBroker> StartAsync()
    {
        var port = FreeTcpPort.Next();
        var options = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointPort(port)
            .Build();
        var server = new MqttServerFactory().CreateMqttServer(options);
        var broker = new LoopbackBroker(server, port);
        server.InterceptingPublishAsync += e =>
        {
            Interlocked.Increment(ref broker.Received);
            return Task.CompletedTask;
        };
        await server.StartAsync();
        return broker;
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync();
        _server.Dispose();
    }
}
