using System.Buffers;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Thanhhoa.Iot.Cloud.Ingest;
using Thanhhoa.Iot.Contracts.Topics;

namespace Thanhhoa.Iot.Cloud.Broker;

/// <summary>
/// Ingest from an external MQTT 5 broker (Broker:Mode = External), e.g. mosquitto or an EMQX cluster.
/// The cloud keeps a persistent session (clean start off, long session expiry) subscribed at QoS 1 to
/// every device's up/ topics, and acknowledges each message only after it is stored, so messages that
/// arrive while the cloud is down or slow wait in the broker instead of being lost. The device identity
/// comes from the topic: the broker's ACL must let each device publish only under its own
/// thiot/v1/{id}/up/ (see DESIGN.md), because nothing here can tell who published.
/// </summary>
public sealed class ExternalBrokerIngest(
    IOptions<BrokerOptions> options,
    IngestPipeline pipeline,
    TimeProvider time,
    ILogger<ExternalBrokerIngest> logger) : BackgroundService, IBrokerStatus
{
    private readonly ExternalBrokerOptions _options = options.Value.External;
    private IMqttClient? _client;
    private OrderedAcknowledger? _acks;
    private Exception? _lastError;
    private TaskCompletionSource<string> _lost = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private volatile bool _subscribed;

    /// <summary>Connected and subscribed: messages published now reach ingest.</summary>
    public bool IsReady => _subscribed && _client?.IsConnected == true;

    public string Description => $"external MQTT broker {_options.Host}:{_options.Port} ({(IsReady ? "connected" : "not connected")})";

    private string Filter => string.IsNullOrEmpty(_options.SharedGroup)
        ? DeviceTopics.AllUpFilter
        : $"$share/{_options.SharedGroup}/{DeviceTopics.AllUpFilter}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
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

        var backoff = new ReconnectBackoff(_options.ReconnectMinDelay, _options.ReconnectMaxDelay, Random.Shared);
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
                BrokerLog.ExternalConnectFailed(logger, _lastError, _options.Host, _options.Port, delay);
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
        _acks = new OrderedAcknowledger(_options.MaxInFlight, () => OnStoreFailed(client));
        try
        {
            var connected = await client.ConnectAsync(BuildClientOptions(), stoppingToken).ConfigureAwait(false);
            await SubscribeAsync(client, stoppingToken).ConfigureAwait(false);
            _subscribed = true;
            BrokerLog.ExternalConnected(logger, _options.Host, _options.Port, _options.ClientId, Filter, connected.IsSessionPresent);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            _lastError = ex;
            await _acks.CompleteAsync().ConfigureAwait(false);
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
            BrokerLog.ExternalDisconnected(logger, reason);
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
        BrokerLog.ExternalStoreFailed(logger);
        var disconnect = new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.ImplementationSpecificError).Build();
        _ = client.DisconnectAsync(disconnect, CancellationToken.None).ContinueWith(_ => _lost.TrySetResult("store failed"), TaskScheduler.Default);
    }

    private MqttClientOptions BuildClientOptions()
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(_options.Host, _options.Port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(_options.ClientId)
            .WithCleanStart(false)
            .WithSessionExpiryInterval(_options.SessionExpirySeconds)
            // Receive Maximum: without it mosquitto sends at most max_inflight_messages (20) unacknowledged messages,
            // too few for the stores' group commits to gather; with it the broker sends as many as ingest holds.
            .WithReceiveMaximum((ushort)_options.MaxInFlight)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(30))
            .WithTimeout(TimeSpan.FromSeconds(10));
        if (!string.IsNullOrEmpty(_options.Username))
        {
            builder = builder.WithCredentials(_options.Username, _options.Password);
        }

        return builder.Build();
    }

    private async Task SubscribeAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        var subscribe = new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic(Filter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .Build();
        var result = await client.SubscribeAsync(subscribe, cancellationToken).ConfigureAwait(false);
        foreach (var item in result.Items)
        {
            if (item.ResultCode > MqttClientSubscribeResultCode.GrantedQoS2)
            {
                throw new InvalidOperationException($"The broker refused the subscription to '{Filter}' ({item.ResultCode}); check its ACL for client '{_options.ClientId}'.");
            }
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
