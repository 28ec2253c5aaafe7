using System.Buffers;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Thanhhoa.Iot.Cloud.Ingest;

namespace Thanhhoa.Iot.Cloud.Broker;

/// <summary>
/// One persistent MQTT session at the external broker (see <see cref="IngestLanes"/>): connects with clean
/// start off, subscribes its filters at QoS 1, stores each message through the ingest pipeline and
/// acknowledges it, in order, only once stored (<see cref="OrderedAcknowledger"/>); reconnects with backoff.
/// </summary>
internal sealed class IngestLane(IngestLaneSpec spec, ExternalBrokerOptions options, IngestPipeline pipeline, TimeProvider time, ILogger logger)
{
    private readonly TaskCompletionSource _firstSubscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IMqttClient? _client;
    private OrderedAcknowledger? _acks;
    private Exception? _lastError;
    private TaskCompletionSource<string> _lost = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _subscribed;

    public IngestLaneSpec Spec => spec;

    /// <summary>Connected and subscribed: messages published now reach ingest.</summary>
    public bool IsReady => _subscribed && _client?.IsConnected == true;

    /// <summary>Completes the first time the lane is subscribed.</summary>
    public Task FirstSubscribed => _firstSubscribed.Task;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        _client = client;
        client.ApplicationMessageReceivedAsync += e => OnMessageAsync(e, stoppingToken);
        client.DisconnectedAsync += e =>
        {
            // Failed connect attempts raise this too, possibly late; only a lost connection ends the current one.
            if (e.ClientWasConnected)
            {
                _lost.TrySetResult(e.ReasonString ?? e.Reason.ToString());
            }

            return Task.CompletedTask;
        };

        var backoff = new ReconnectBackoff(options.ReconnectMinDelay, options.ReconnectMaxDelay, Random.Shared);
        var attempt = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var hadConnection = await TryRunConnectionAsync(client, stoppingToken).ConfigureAwait(false);
            if (stoppingToken.IsCancellationRequested)
            {
                break;
            }

            attempt = hadConnection ? 0 : attempt;
            var delay = backoff.Delay(attempt++);
            if (!hadConnection)
            {
                BrokerLog.ExternalConnectFailed(logger, _lastError, spec.Name, options.Host, options.Port, delay);
            }

            if (!await DelayAsync(delay, stoppingToken).ConfigureAwait(false))
            {
                break;
            }
        }

        await ShutdownAsync(client).ConfigureAwait(false);
    }

    /// <summary>Connects, subscribes and waits until the connection is lost; false when it could not connect.</summary>
    private async Task<bool> TryRunConnectionAsync(IMqttClient client, CancellationToken stoppingToken)
    {
        _lost = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _subscribed = false;
        _acks = new OrderedAcknowledger(spec.MaxInFlight, () => OnStoreFailed(client));
        try
        {
            var connected = await client.ConnectAsync(BuildClientOptions(), stoppingToken).ConfigureAwait(false);
            await SubscribeAsync(client, stoppingToken).ConfigureAwait(false);
            if (connected.IsSessionPresent && spec.LegacyFilter is { } legacy)
            {
                await UnsubscribeLegacyAsync(client, legacy, stoppingToken).ConfigureAwait(false);
            }

            _subscribed = true;
            _firstSubscribed.TrySetResult();
            BrokerLog.ExternalConnected(logger, spec.Name, options.Host, options.Port, spec.ClientId, string.Join(", ", spec.Filters), connected.IsSessionPresent);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            _lastError = ex;
            await _acks.CompleteAsync().ConfigureAwait(false);
            if (client.IsConnected)
            {
                // Connected but not subscribed (e.g. the ACL refused a filter): start over at the next attempt.
                await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None)
                    .ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            }

            return false;
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        var reason = await _lost.Task.WaitAsync(stoppingToken).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : null, TaskScheduler.Default)
            .ConfigureAwait(false);
        if (reason is not null)
        {
            BrokerLog.ExternalDisconnected(logger, spec.Name, reason);
            await _acks.CompleteAsync().ConfigureAwait(false);
        }

        return reason is not null;
    }

    private async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e, CancellationToken stoppingToken)
    {
        e.AutoAcknowledge = false; // Acknowledged by OrderedAcknowledger once stored.
        var acks = _acks;
        if (acks is null || stoppingToken.IsCancellationRequested)
        {
            return; // Not acknowledged: the broker redelivers it to the next session.
        }

        var message = e.ApplicationMessage;
        // Copied: ingest continues after this handler returns, and the client may reuse the buffer.
        var ingest = pipeline.IngestAsync(new IngestMessage(message.Topic, message.Payload.ToArray(), message.ContentType, PublisherId: null), stoppingToken);
        try
        {
            await acks.EnqueueAsync(e, ingest, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or System.Threading.Channels.ChannelClosedException)
        {
            // Shutting down or reconnecting: left unacknowledged, so the broker redelivers it.
        }
    }

    private void OnStoreFailed(IMqttClient client)
    {
        BrokerLog.ExternalStoreFailed(logger, spec.Name);
        var disconnect = new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.ImplementationSpecificError).Build();
        _ = client.DisconnectAsync(disconnect, CancellationToken.None).ContinueWith(_ => _lost.TrySetResult("store failed"), TaskScheduler.Default);
    }

    private MqttClientOptions BuildClientOptions()
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(options.Host, options.Port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(spec.ClientId)
            .WithCleanStart(false)
            .WithSessionExpiryInterval(options.SessionExpirySeconds)
            // Receive Maximum: without it mosquitto sends at most max_inflight_messages (20) unacknowledged messages,
            // too few for the stores' group commits to gather; with it the broker sends as many as ingest holds.
            .WithReceiveMaximum((ushort)spec.MaxInFlight)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(30))
            .WithTimeout(TimeSpan.FromSeconds(10));
        if (!string.IsNullOrEmpty(options.Username))
        {
            builder = builder.WithCredentials(options.Username, options.Password);
        }

        return builder.Build();
    }

    private async Task SubscribeAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        var subscribe = new MqttClientSubscribeOptionsBuilder();
        foreach (var filter in spec.Filters)
        {
            subscribe = subscribe.WithTopicFilter(f => f.WithTopic(filter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce));
        }

        var result = await client.SubscribeAsync(subscribe.Build(), cancellationToken).ConfigureAwait(false);
        foreach (var item in result.Items)
        {
            if (item.ResultCode > MqttClientSubscribeResultCode.GrantedQoS2)
            {
                throw new InvalidOperationException(
                    $"The broker refused the subscription to '{item.TopicFilter.Topic}' ({item.ResultCode}); check its ACL for client '{spec.ClientId}'.");
            }
        }
    }

    // The session predates the lanes when it still holds the all-up/ filter. Messages it queued under that
    // filter are delivered on this connection anyway; dropping the filter stops new ones arriving twice.
    private async Task UnsubscribeLegacyAsync(IMqttClient client, string legacy, CancellationToken cancellationToken)
    {
        var result = await client.UnsubscribeAsync(new MqttClientUnsubscribeOptionsBuilder().WithTopicFilter(legacy).Build(), cancellationToken)
            .ConfigureAwait(false);
        if (result.Items.FirstOrDefault()?.ResultCode == MqttClientUnsubscribeResultCode.Success)
        {
            BrokerLog.LegacySubscriptionDropped(logger, spec.ClientId, legacy);
        }
    }

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task ShutdownAsync(IMqttClient client)
    {
        // Stored messages get their acknowledgements before the session closes; the rest are redelivered later.
        if (_acks is { } acks)
        {
            await acks.CompleteAsync().ConfigureAwait(false);
        }

        if (client.IsConnected)
        {
            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None).ConfigureAwait(false);
        }
    }
}
