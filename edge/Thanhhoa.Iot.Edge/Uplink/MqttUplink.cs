using System.Reflection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Packets;
using Thanhhoa.Iot.Contracts;
using Thanhhoa.Iot.Contracts.Codec;
using Thanhhoa.Iot.Edge.Budget;
using Thanhhoa.Iot.Edge.Hosting;
using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.Edge.Timekeeping;

namespace Thanhhoa.Iot.Edge.Uplink;

/// <summary>
/// The gateway's one MQTT 5 session to the cloud, kept up for the life of the process: connect
/// (persistent session, retained last will), birth, subscribe, drain the outbox; on loss, reconnect
/// with exponential backoff and full jitter; on stop, say offline and disconnect. MQTTnet 5 has no
/// managed client, so the reconnect loop lives here.
/// </summary>
internal sealed class MqttUplink : BackgroundService
{
    private readonly UplinkOptions _options;
    private readonly UplinkStatus _status;
    private readonly IDownlinkHandler _downlink;
    private readonly TimeProvider _time;
    private readonly ILogger<MqttUplink> _logger;
    private readonly Random _random;
    private readonly UplinkIdentity _identity;
    private readonly SessionCounter _sessions;
    private readonly MqttSessionOpener _opener;
    private readonly OutboxDrainer _drainer;
    private readonly MqttClientFactory _factory = new();
    private readonly IOutbox _outbox;
    private readonly DrainPacer _pacer;
    private readonly ICloudTimeSink? _cloudTime;
    private readonly DataBudget? _budget;

    public MqttUplink(
        IOutbox outbox,
        IOptions<UplinkOptions> options,
        IOptions<GatewayOptions> gateway,
        UplinkStatus status,
        IDownlinkHandler downlink,
        TimeProvider time,
        ILogger<MqttUplink> logger,
        Random random,
        IUploadCadence? cadence = null,
        ICloudTimeSink? cloudTime = null,
        DataBudget? budget = null,
        IFirmwareIdentity? firmware = null)
    {
        _cloudTime = cloudTime;
        _options = options.Value;
        _status = status;
        _downlink = downlink;
        _time = time;
        _logger = logger;
        _random = random;
        var g = gateway.Value;
        _identity = new UplinkIdentity(g.DeviceId, g.Site, firmware?.Version ?? g.Firmware ?? DefaultFirmware());
        _sessions = new SessionCounter(g.DataDirectory, time) { Recovered = message => UplinkLog.SessionCounterRecovered(logger, message) };
        _opener = new MqttSessionOpener(_options, _identity, time, logger) { Connected = TakeServerTime };
        var batches = new BatchBuilder(outbox, g.DeviceId, _options.EventsPerBatch, _options.ReadingsPerBatch, _options.PayloadEncoding ?? PayloadEncoding.Json);
        var retry = new ReconnectBackoff(_options.BackoffMin, _options.BackoffMax, random);
        _outbox = outbox;
        _pacer = new DrainPacer(time, random);
        _budget = budget is { Options.Enabled: true } ? budget : null;
        _drainer = new OutboxDrainer(outbox, batches, status, retry, time, logger)
        {
            Cadence = _budget is null ? cadence : new BudgetedCadence(cadence, _budget),
            FullBatch = _options.ReadingsPerBatch,
            PubAckTimeout = _options.OperationTimeout,
            Pacer = _pacer,
            Budget = _budget,
            AggregatePending = outbox is IAggregatingOutbox aggregating ? aggregating.AggregatePendingAsync : null,
        };
    }

    public IUplinkStatus Status => _status;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = new ReconnectBackoff(_options.BackoffMin, _options.BackoffMax, _random);
        while (!stoppingToken.IsCancellationRequested)
        {
            var failure = await RunSessionAsync(backoff, stoppingToken).ConfigureAwait(false);
            if (failure is null || stoppingToken.IsCancellationRequested)
            {
                return;
            }

            var delay = backoff.Next();
            // The timer exists before anyone is told when it fires, so an observer can act on that time.
            var wait = Task.Delay(delay, _time, stoppingToken);
            _status.WaitingUntil(_time.GetUtcNow() + delay);
            UplinkLog.ConnectionFailed(_logger, _options.Host, _options.Port, failure, delay);
            try
            {
                await wait.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One connection from CONNECT to loss or stop. Returns why it failed, or null when stopping.</summary>
    private async Task<string?> RunSessionAsync(ReconnectBackoff backoff, CancellationToken stoppingToken)
    {
        using var client = _factory.CreateMqttClient();
        using var lost = new CancellationTokenSource();
        using var link = CancellationTokenSource.CreateLinkedTokenSource(lost.Token, stoppingToken);
        var lostBecause = (string?)null;
        client.DisconnectedAsync += e =>
        {
            lostBecause = DescribeDisconnect(e);
            CancelQuietly(lost);
            return Task.CompletedTask;
        };
        client.ApplicationMessageReceivedAsync += e => OnDownlinkAsync(e, link.Token);

        long session = 0;
        var opened = false;
        try
        {
            session = _sessions.Next();
            _status.Connecting(session);
            UplinkLog.Connecting(_logger, _options.Host, _options.Port, _identity.DeviceId, session, _options.UseTls);
            // Not cancelled by a stop (that would drop the connection); bounded by Uplink:OperationTimeout.
            var connack = await _opener.OpenAsync(client, session, lost.Token).ConfigureAwait(false);
            opened = true;
            backoff.Reset();
            _pacer.SessionStarted(connack.UserProperties, (int)Math.Min(_outbox.GetStatus().PendingReadings, _options.ReadingsPerBatch));
            _status.Connected();
            _budget?.Connected(true);
            UplinkLog.Connected(_logger, _identity.DeviceId, session, connack.IsSessionPresent);
            await _drainer.RunAsync(client, lost.Token, link.Token, stoppingToken).ConfigureAwait(false);
            return null;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _budget?.Connected(false);
            _budget?.Save();
            await GoodbyeAsync(client, session).ConfigureAwait(false);
            _status.Disconnected("stopped");
            return null;
        }
        catch (Exception ex)
        {
            var reason = lostBecause ?? $"{ex.GetType().Name}: {ex.Message}";
            _budget?.Connected(false);
            if (opened)
            {
                UplinkLog.ConnectionLost(_logger, session, reason);
                _status.Disconnected(reason);
            }
            else
            {
                _status.ConnectFailed(reason);
            }

            return reason;
        }
    }

    /// <summary>On the CONNACK, before birth and drain, so rows stored before the time was known go out with their corrected time.</summary>
    private void TakeServerTime(MqttClientConnectResult connack)
    {
        var time = connack.UserProperties?.FirstOrDefault(p => p.Name == ContractInfo.ServerTimeProperty);
        if (time is not null && _cloudTime is not null)
        {
            _cloudTime.ServerTimeReceived(time.ReadValueAsString());
        }
    }

    private async Task GoodbyeAsync(IMqttClient client, long session)
    {
        if (!client.IsConnected)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(_options.GoodbyeTimeout, _time);
        try
        {
            await _opener.CloseAsync(client, session, timeout.Token).ConfigureAwait(false);
            UplinkLog.Goodbye(_logger, session);
        }
        catch (Exception ex)
        {
            UplinkLog.GoodbyeFailed(_logger, session, ex.Message);
        }
    }

    private async Task OnDownlinkAsync(MqttApplicationMessageReceivedEventArgs e, CancellationToken cancellationToken)
    {
        var message = e.ApplicationMessage;
        try
        {
            await _downlink.HandleAsync(message.Topic, message.Payload, message.ContentType, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            UplinkLog.DownlinkFailed(_logger, message.Topic, ex);
        }
    }

    private static string DescribeDisconnect(MqttClientDisconnectedEventArgs e)
    {
        var text = $"disconnected ({e.Reason})";
        if (!string.IsNullOrEmpty(e.ReasonString))
        {
            text += $": {e.ReasonString}";
        }

        return e.Exception is null ? text : $"{text}: {e.Exception.Message}";
    }

    private static void CancelQuietly(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The session already ended; nothing left to stop.
        }
    }

    private static string? DefaultFirmware()
    {
        var assembly = Assembly.GetEntryAssembly() ?? typeof(MqttUplink).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString();
        return version is { Length: > 64 } ? version[..64] : version;
    }
}
