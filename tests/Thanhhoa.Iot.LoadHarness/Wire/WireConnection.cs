using System.Net.Sockets;

namespace Thanhhoa.Iot.LoadHarness.Wire;

/// <summary>
/// One MQTT 5 client connection of a load-harness gateway on a bare socket. MQTTnet's client costs the machine
/// being measured more than the gateways it simulates would (a task, a timer every 250 ms and a packet dispatcher per
/// connection: half of the harness's CPU with 10,000 gateways), so the harness speaks the few packets it needs itself
/// (<see cref="MqttPackets"/>, <see cref="MqttReplies"/>). Keep-alive and reply timeouts are not timers per
/// connection: the owner calls <see cref="Tick"/> now and then for all of them. A connection that fails, goes silent
/// or is refused is closed, and every reply still awaited fails with <see cref="MqttWireException"/>.
/// </summary>
internal sealed class WireConnection : IAsyncDisposable
{
    private static readonly TimeSpan CloseWait = TimeSpan.FromSeconds(5);
    private readonly Socket _socket = new(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    private readonly TimeProvider _time;
    private readonly TimeSpan _replyTimeout;
    private readonly Func<IncomingMessage, Task>? _onMessage;
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly Lock _gate = new();
    private readonly Dictionary<ushort, Awaited> _awaited = [];
    private readonly TaskCompletionSource<(BrokerReply Reply, int? ServerKeepAlive)> _connAck = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(IncomingMessage Message, int Qos, ushort PacketId)> _delivered = [];
    private Task _receiving = Task.CompletedTask;
    private TimeSpan _keepAlive;
    private long _lastSent;
    private long _pingSent; // when the PINGREQ awaiting its answer went; 0 when none does (any packet received answers it)
    private ushort _lastId;
    private string? _closedBecause;

    private WireConnection(TimeProvider time, TimeSpan replyTimeout, Func<IncomingMessage, Task>? onMessage)
    {
        _time = time;
        _replyTimeout = replyTimeout;
        _onMessage = onMessage;
    }

    public bool IsOpen => Volatile.Read(ref _closedBecause) is null;

    /// <summary>Why the connection closed; null while it is open.</summary>
    public string? ClosedBecause => Volatile.Read(ref _closedBecause);

    /// <summary>The broker's CONNACK.</summary>
    public BrokerReply ConnectReply { get; private set; } = null!;

    /// <summary>
    /// Connects, sends CONNECT and waits for a successful CONNACK (all within <paramref name="replyTimeout"/>, which
    /// also bounds every later reply). <paramref name="onMessage"/> receives what the broker delivers (before its PUBACK).
    /// </summary>
    public static async Task<WireConnection> ConnectAsync(
        string host, int port, ConnectRequest request, TimeProvider time, TimeSpan replyTimeout, Func<IncomingMessage, Task>? onMessage, CancellationToken cancellationToken)
    {
        var connection = new WireConnection(time, replyTimeout, onMessage);
        using var deadline = new CancellationTokenSource(replyTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            await connection._socket.ConnectAsync(host, port, linked.Token).ConfigureAwait(false);
            connection._receiving = connection.ReceiveAsync();
            await connection.SendAsync(MqttPackets.Connect(request), linked.Token).ConfigureAwait(false);
            var (reply, serverKeepAlive) = await connection._connAck.Task.WaitAsync(linked.Token).ConfigureAwait(false);
            if (!reply.IsSuccess)
            {
                throw new MqttWireException($"The broker at {host}:{port} refused '{request.ClientId}' (CONNACK reason 0x{reply.ReasonCode:X2}).");
            }

            // MQTT 5, 3.2.2.3.14: a Server Keep Alive replaces what the client asked for.
            connection._keepAlive = TimeSpan.FromSeconds(serverKeepAlive ?? request.KeepAliveSeconds);
            connection.ConnectReply = reply;
            return connection;
        }
        catch (Exception ex)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            if (ex is MqttWireException || (ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                throw;
            }

            throw new MqttWireException(ex is OperationCanceledException
                ? $"No CONNACK from {host}:{port} for '{request.ClientId}' within {replyTimeout.TotalSeconds:0.#} s."
                : $"Could not connect '{request.ClientId}' to {host}:{port}: {ex.Message}", ex);
        }
    }

    /// <summary>Publishes; at QoS 1 returns the broker's PUBACK (a failure reason code is a reply, not an exception).</summary>
    public async Task<BrokerReply> PublishAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (message.Qos == 0)
        {
            await SendAsync(MqttPackets.PublishPacket(message, 0), cancellationToken).ConfigureAwait(false);
            return new BrokerReply(0, []);
        }

        var (id, reply) = Await();
        await SendAsync(MqttPackets.PublishPacket(message, id), cancellationToken).ConfigureAwait(false);
        return await reply.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Subscribes to one filter; throws when the broker refuses it.</summary>
    public async Task SubscribeAsync(string filter, int qos, CancellationToken cancellationToken)
    {
        var (id, reply) = Await();
        await SendAsync(MqttPackets.SubscribePacket(filter, qos, id), cancellationToken).ConfigureAwait(false);
        var granted = await reply.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (!granted.IsSuccess)
        {
            throw new MqttWireException($"The broker refused the subscription to '{filter}' (SUBACK reason 0x{granted.ReasonCode:X2}).");
        }
    }

    /// <summary>
    /// Called now and then for every connection. A reply overdue fails on its own (the broker is slow, the connection
    /// stays: the gateway sends the batch again, as it did with MQTTnet's request timeout); a PINGREQ unanswered for the
    /// reply timeout closes the connection (nothing came back at all: a dead link). Sends PINGREQ when nothing was sent
    /// for half the keep-alive.
    /// </summary>
    public void Tick()
    {
        if (!IsOpen)
        {
            return;
        }

        var pinged = Volatile.Read(ref _pingSent);
        if (pinged != 0 && _time.GetElapsedTime(pinged) > _replyTimeout)
        {
            Close($"{TimeoutText} to PINGREQ");
            return;
        }

        FailOverdueReplies();
        if (pinged == 0 && _keepAlive > TimeSpan.Zero && _time.GetElapsedTime(Volatile.Read(ref _lastSent)) >= _keepAlive / 2)
        {
            _ = PingAsync();
        }
    }

    private string TimeoutText => $"no reply from the broker within {_replyTimeout.TotalSeconds:0.#} s";

    private void FailOverdueReplies()
    {
        List<Awaited>? overdue = null;
        lock (_gate)
        {
            foreach (var (id, awaited) in _awaited)
            {
                if (_time.GetElapsedTime(awaited.SentAt) > _replyTimeout)
                {
                    (overdue ??= []).Add(awaited);
                    _awaited.Remove(id); // allowed while enumerating a Dictionary since .NET Core 3.0
                }
            }
        }

        foreach (var awaited in overdue ?? [])
        {
            awaited.Reply.TrySetException(new MqttWireException($"{TimeoutText}; the connection stays open."));
        }
    }

    /// <summary>Sends DISCONNECT (no will) and closes once the broker has closed its side, or after a few seconds.</summary>
    public async Task DisconnectAsync()
    {
        if (IsOpen)
        {
            try
            {
                await SendAsync(MqttPackets.DisconnectNormally, CancellationToken.None).ConfigureAwait(false);
                _socket.Shutdown(SocketShutdown.Send);
                await _receiving.WaitAsync(CloseWait, _time).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is MqttWireException or SocketException or ObjectDisposedException or TimeoutException)
            {
                // Closed below either way; the broker may publish the will.
            }
        }

        await DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        Close("closed by the harness");
        await _receiving.ConfigureAwait(false);
    }

    private (ushort Id, Task<BrokerReply> Reply) Await()
    {
        lock (_gate)
        {
            ThrowIfClosed();
            do
            {
                _lastId = (ushort)(_lastId == ushort.MaxValue ? 1 : _lastId + 1);
            }
            while (_awaited.ContainsKey(_lastId));

            var awaited = new Awaited(new TaskCompletionSource<BrokerReply>(), _time.GetTimestamp());
            _awaited[_lastId] = awaited;
            return (_lastId, awaited.Reply.Task);
        }
    }

    private async Task PingAsync()
    {
        try
        {
            Volatile.Write(ref _pingSent, _time.GetTimestamp());
            await SendAsync(MqttPackets.PingReq, CancellationToken.None).ConfigureAwait(false);
        }
        catch (MqttWireException)
        {
            // The connection is closed; its owner sees that.
        }
    }

    private async Task SendAsync(byte[] packet, CancellationToken cancellationToken)
    {
        ThrowIfClosed();
        await _sending.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Volatile.Write(ref _lastSent, _time.GetTimestamp());
            for (var sent = 0; sent < packet.Length;)
            {
                // Not cancellable half-way: half a packet would corrupt the stream.
                sent += await _socket.SendAsync(packet.AsMemory(sent), SocketFlags.None, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            Close($"sending failed: {ex.Message}");
            throw ClosedError(ClosedBecause!, ex);
        }
        finally
        {
            _sending.Release();
        }
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[256];
        var filled = 0;
        var reason = "the broker closed the connection";
        try
        {
            while (true)
            {
                var read = await _socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                filled += read;
                Volatile.Write(ref _pingSent, 0);
                var used = Dispatch(buffer, filled, out var needed);
                filled -= used;
                Buffer.BlockCopy(buffer, used, buffer, 0, filled);
                if (needed > buffer.Length || filled == buffer.Length)
                {
                    Array.Resize(ref buffer, Math.Max(needed, buffer.Length * 2));
                }

                await DeliverAsync().ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            // The loop's boundary: whatever ends it (the socket, a malformed packet, the message handler) closes the connection with its reason.
            reason = ex is MqttWireException ? ex.Message : $"receiving failed: {ex.Message}";
        }
        finally
        {
            Close(reason);
        }
    }

    /// <summary>Handles every whole packet in the buffer; returns the bytes used and the size of a packet still incomplete.</summary>
    private int Dispatch(byte[] buffer, int filled, out int needed)
    {
        var used = 0;
        int size;
        while (MqttReplies.TryFrame(buffer.AsSpan(used, filled - used), out var header, out size))
        {
            var body = buffer.AsSpan(used + header, size - header);
            switch (buffer[used] >> 4)
            {
                case MqttPackets.ConnAck:
                    _connAck.TrySetResult(MqttReplies.ConnAck(body));
                    break;
                case MqttPackets.PubAck:
                    Complete(MqttReplies.PubAck(body));
                    break;
                case MqttPackets.SubAck:
                    Complete(MqttReplies.SubAck(body));
                    break;
                case MqttPackets.Publish:
                    _delivered.Add(MqttReplies.Publish(buffer[used], body));
                    break;
                case MqttPackets.PingResp:
                    break;
                case MqttPackets.Disconnect:
                    throw new MqttWireException(MqttReplies.Disconnect(body));
                default:
                    throw new MqttWireException($"The broker sent a packet of type {buffer[used] >> 4}, which a client never receives here.");
            }

            used += size;
        }

        needed = size; // what the last TryFrame found of the packet still incomplete (0 when its header is too)
        return used;
    }

    private async Task DeliverAsync()
    {
        foreach (var (message, qos, id) in _delivered)
        {
            if (_onMessage is not null)
            {
                await _onMessage(message).ConfigureAwait(false);
            }

            if (qos > 0)
            {
                await SendAsync(MqttPackets.PubAckPacket(id), CancellationToken.None).ConfigureAwait(false);
            }
        }

        _delivered.Clear();
    }

    private void Complete((ushort PacketId, BrokerReply Reply) ack)
    {
        Awaited? awaited;
        lock (_gate)
        {
            _awaited.Remove(ack.PacketId, out awaited);
        }

        awaited?.Reply.TrySetResult(ack.Reply);
    }

    private void Close(string reason)
    {
        List<Awaited> failed;
        lock (_gate)
        {
            if (_closedBecause is not null)
            {
                return;
            }

            Volatile.Write(ref _closedBecause, reason);
            failed = [.. _awaited.Values];
            _awaited.Clear();
        }

        var error = ClosedError(reason);
        _connAck.TrySetException(error);
        foreach (var awaited in failed)
        {
            awaited.Reply.TrySetException(error);
        }

        try
        {
            _socket.Shutdown(SocketShutdown.Both); // a FIN, not the reset a close with a receive pending can give
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Not connected (any more).
        }

        _socket.Dispose();
    }

    private void ThrowIfClosed()
    {
        if (ClosedBecause is { } reason)
        {
            throw ClosedError(reason);
        }
    }

    private static MqttWireException ClosedError(string reason, Exception? inner = null) => new($"The connection is closed: {reason}.", inner);

    private sealed record Awaited(TaskCompletionSource<BrokerReply> Reply, long SentAt);
}
