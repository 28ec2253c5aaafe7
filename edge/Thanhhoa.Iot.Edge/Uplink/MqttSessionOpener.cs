using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Thanhhoa.Iot.Contracts;

namespace Thanhhoa.Iot.Edge.Uplink;

/// <summary>
/// Opens one MQTT 5 session: CONNECT with a persistent session and the retained last will, then the
/// down/# subscription, then the retained birth. Also closes it politely.
/// </summary>
internal sealed class MqttSessionOpener(UplinkOptions options, UplinkIdentity identity, TimeProvider time, ILogger logger)
{
    /// <summary>Runs as soon as the CONNACK arrives, before the birth (e.g. to take the broker's time before anything is stamped).</summary>
    public Action<MqttClientConnectResult>? Connected { get; init; }

    public MqttClientOptions ClientOptions(long session)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithTcpServer(options.Host, options.Port)
            .WithClientId(identity.DeviceId)
            .WithCleanStart(false)
            .WithSessionExpiryInterval((uint)options.SessionExpiry.TotalSeconds)
            .WithKeepAlivePeriod(options.KeepAlive)
            .WithTimeout(options.OperationTimeout)
            .WithWillTopic(identity.StateTopic)
            .WithWillPayload(identity.Will(session, time.GetUtcNow()))
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithWillContentType(ContractInfo.JsonContentType);
        if (!string.IsNullOrEmpty(options.Username))
        {
            builder = builder.WithCredentials(options.Username, Password());
        }

        if (options.UseTls)
        {
            builder = builder.WithTlsOptions(Tls);
        }

        return builder.Build();
    }

    // Read at each connect, so a re-provisioned secret is used without restarting the service.
    private string? Password() => string.IsNullOrEmpty(options.PasswordFile) ? options.Password : File.ReadAllText(options.PasswordFile).Trim();

    private void Tls(MqttClientTlsOptionsBuilder tls)
    {
        tls.UseTls(true).WithTargetHost(options.Host);
        if (!string.IsNullOrEmpty(options.CaCertificateFile))
        {
            var pinned = PinnedCertificateAuthority.Load(options.CaCertificateFile);
            tls.WithCertificateValidationHandler(e => pinned.Validate(e.Certificate, e.SslPolicyErrors));
        }
    }

    /// <summary>Connects, announces the session and subscribes. Throws when any step fails.</summary>
    public async Task<MqttClientConnectResult> OpenAsync(IMqttClient client, long session, CancellationToken cancellationToken)
    {
        var connected = await client.ConnectAsync(ClientOptions(session), cancellationToken).ConfigureAwait(false);
        Connected?.Invoke(connected);

        // Subscribe before the birth: the cloud re-publishes pending commands when the birth arrives
        // (the broker may have expired the session), and they must find the subscription in place.
        await SubscribeAsync(client, cancellationToken).ConfigureAwait(false);
        var birth = await client.PublishAsync(StateMessage(identity.Birth(session, time.GetUtcNow())), cancellationToken).ConfigureAwait(false);
        if (PublishVerdicts.Of(birth.ReasonCode) != PublishVerdict.Delivered)
        {
            throw new InvalidOperationException(
                $"The broker refused the birth message on {identity.StateTopic}: {birth.ReasonCode} '{birth.ReasonString}'. Check the device's publish permissions.");
        }

        return connected;
    }

    private async Task SubscribeAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        var subscribe = new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(identity.DownFilter, MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        var subscribed = await client.SubscribeAsync(subscribe, cancellationToken).ConfigureAwait(false);
        foreach (var item in subscribed.Items)
        {
            if (item.ResultCode > MqttClientSubscribeResultCode.GrantedQoS2)
            {
                // Telemetry matters more than commands: keep the link, say loudly what is missing.
                UplinkLog.SubscribeRefused(logger, identity.DownFilter, item.ResultCode.ToString());
            }
        }
    }

    /// <summary>Publishes the retained offline state and disconnects normally (so the broker drops the will).</summary>
    public async Task CloseAsync(IMqttClient client, long session, CancellationToken cancellationToken)
    {
        await client.PublishAsync(StateMessage(identity.Goodbye(session, time.GetUtcNow())), cancellationToken).ConfigureAwait(false);
        var disconnect = new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build();
        await client.DisconnectAsync(disconnect, cancellationToken).ConfigureAwait(false);
    }

    private MqttApplicationMessage StateMessage(byte[] payload) => new MqttApplicationMessageBuilder()
        .WithTopic(identity.StateTopic)
        .WithPayload(payload)
        .WithRetainFlag(true)
        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
        .WithContentType(ContractInfo.JsonContentType)
        .Build();
}
