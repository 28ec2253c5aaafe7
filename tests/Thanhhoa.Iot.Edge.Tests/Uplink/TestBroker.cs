using System.Buffers;
using System.Net;
using MQTTnet.Server;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Edge.Tests.Uplink;

/// <summary>
/// A real in-process MQTTnet broker on a free loopback port, with persistent sessions like the cloud's.
/// Records every PUBLISH it receives (wills included) across restarts, and lets a test decide the PUBACK.
/// </summary>
public sealed class TestBroker : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<ReceivedMessage> _received = [];
    private readonly List<(Func<ReceivedMessage, bool> Match, TaskCompletionSource<ReceivedMessage> Signal)> _waiters = [];
    private MqttServer? _server;

    public TestBroker(int? port = null) => Port = port ?? FreeTcpPort.Next();

    public int Port { get; }

    public MqttServer Server => _server ?? throw new InvalidOperationException("The broker is not running.");

    /// <summary>Runs before the broker answers a PUBLISH; may await (delays the PUBACK) or set the reason code.</summary>
    public Func<InterceptingPublishEventArgs, Task>? OnPublish { get; set; }

    public IReadOnlyList<ReceivedMessage> Received
    {
        get
        {
            lock (_gate)
            {
                return _received.ToList();
            }
        }
    }

    public static async Task<TestBroker> StartAsync()
    {
        var broker = new TestBroker();
        await broker.StartAgainAsync();
        return broker;
    }

    /// <summary>Starts (again) on the same port, with fresh sessions, like a restarted broker.</summary>
    public async Task StartAgainAsync()
    {
        var options = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointPort(Port)
            .WithDefaultEndpointReuseAddress()
            .WithPersistentSessions(true)
            .Build();
        var server = new MqttServerFactory().CreateMqttServer(options);
        server.InterceptingPublishAsync += InterceptAsync;
        await server.StartAsync();
        _server = server;
    }

    public async Task StopAsync()
    {
        if (_server is { } server)
        {
            _server = null;
            await server.StopAsync();
            server.Dispose();
        }
    }

    /// <summary>Drops a client's connection without a DISCONNECT packet, as a dead link would.</summary>
    public Task KillClientAsync(string clientId) =>
        Server.DisconnectClientAsync(clientId, new MqttServerClientDisconnectOptions { ReasonCode = MQTTnet.Protocol.MqttDisconnectReasonCode.NormalDisconnection });

    /// <summary>Completes with the first received message (past or future) matching <paramref name="match"/>.</summary>
    public Task<ReceivedMessage> WaitForAsync(Func<ReceivedMessage, bool> match)
    {
        lock (_gate)
        {
            var seen = _received.FirstOrDefault(match);
            if (seen is not null)
            {
                return Task.FromResult(seen);
            }

            var signal = new TaskCompletionSource<ReceivedMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, signal));
            return signal.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task InterceptAsync(InterceptingPublishEventArgs e)
    {
        if (OnPublish is { } hook)
        {
            await hook(e);
        }

        var m = e.ApplicationMessage;
        var message = new ReceivedMessage(e.ClientId, m.Topic, m.Payload.ToArray(), m.Retain, m.ContentType, e.Response.ReasonCode);
        List<TaskCompletionSource<ReceivedMessage>> ready;
        lock (_gate)
        {
            _received.Add(message);
            ready = _waiters.Where(w => w.Match(message)).Select(w => w.Signal).ToList();
            _waiters.RemoveAll(w => ready.Contains(w.Signal));
        }

        ready.ForEach(s => s.TrySetResult(message));
    }
}
