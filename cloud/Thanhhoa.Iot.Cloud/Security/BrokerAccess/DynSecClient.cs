using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Thanhhoa.Iot.Cloud.Security.BrokerAccess;

/// <summary>
/// Sends dynamic-security commands to mosquitto over MQTT (<c>$CONTROL/dynamic-security/v1</c>) as the
/// dynsec admin and waits for each command's answer on the response topic, matched by correlation data.
/// Connects on first use and again after a lost connection.
/// </summary>
internal sealed class DynSecClient(string host, int port, DynamicSecurityOptions options) : IAsyncDisposable
{
    private const string ControlTopic = "$CONTROL/dynamic-security/v1";
    private const string ResponseTopic = ControlTopic + "/response";
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string?>> _waiting = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _connectGate = new(1, 1);
    private IMqttClient? _client;

    /// <summary>Runs the commands in one message; throws when one fails with an error that is not harmless (see <see cref="DynSecCommands.IsHarmless"/>).</summary>
    public async Task RunAsync(IReadOnlyList<JsonObject> commands, CancellationToken cancellationToken)
    {
        foreach (var (command, error) in await SendAsync(commands, cancellationToken).ConfigureAwait(false))
        {
            if (error is not null && !DynSecCommands.IsHarmless(command, error))
            {
                throw new InvalidOperationException($"mosquitto dynamic security refused {command}: {error}");
            }
        }
    }

    /// <summary>Runs the commands in one message and returns each one's error (null when it succeeded).</summary>
    public async Task<IReadOnlyList<(string Command, string? Error)>> SendAsync(IReadOnlyList<JsonObject> commands, CancellationToken cancellationToken)
    {
        var client = await ConnectedAsync(cancellationToken).ConfigureAwait(false);
        var pending = new List<(string Command, string Id, Task<string?> Error)>();
        foreach (var command in commands)
        {
            var id = Guid.NewGuid().ToString("N");
            command["correlationData"] = id;
            var waiter = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting[id] = waiter;
            pending.Add((command["command"]!.GetValue<string>(), id, waiter.Task));
        }

        try
        {
            var payload = new JsonObject { ["commands"] = new JsonArray(commands.Select(c => (JsonNode)c).ToArray()) }.ToJsonString();
            var message = new MqttApplicationMessageBuilder().WithTopic(ControlTopic).WithPayload(payload)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
            await client.PublishAsync(message, cancellationToken).ConfigureAwait(false);
            var results = new List<(string, string?)>();
            foreach (var (command, _, error) in pending)
            {
                results.Add((command, await error.WaitAsync(options.CommandTimeout, cancellationToken).ConfigureAwait(false)));
            }

            return results;
        }
        finally
        {
            foreach (var (_, id, _) in pending)
            {
                _waiting.TryRemove(id, out _);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is { IsConnected: true } client)
        {
            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None).ConfigureAwait(false);
        }

        _client?.Dispose();
        _connectGate.Dispose();
    }

    private async Task<IMqttClient> ConnectedAsync(CancellationToken cancellationToken)
    {
        await _connectGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_client is { IsConnected: true } connected)
            {
                return connected;
            }

            _client?.Dispose();
            var client = new MqttClientFactory().CreateMqttClient();
            client.ApplicationMessageReceivedAsync += e =>
            {
                OnResponse(e.ApplicationMessage.ConvertPayloadToString());
                return Task.CompletedTask;
            };
            var connect = new MqttClientOptionsBuilder().WithTcpServer(host, port).WithProtocolVersion(MqttProtocolVersion.V500)
                .WithClientId(options.ClientId).WithCredentials(options.Username, options.Password).WithCleanStart(true)
                .WithTimeout(options.CommandTimeout).Build();
            await client.ConnectAsync(connect, cancellationToken).ConfigureAwait(false);
            var subscribed = await client.SubscribeAsync(ResponseTopic, MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken).ConfigureAwait(false);
            if (subscribed.Items.Any(i => i.ResultCode > MqttClientSubscribeResultCode.GrantedQoS2))
            {
                throw new InvalidOperationException($"mosquitto refused the dynsec admin '{options.Username}' the subscription to {ResponseTopic}; is it the admin created by `mosquitto_ctrl dynsec init`?");
            }

            _client = client;
            return client;
        }
        finally
        {
            _connectGate.Release();
        }
    }

    private void OnResponse(string payload)
    {
        try
        {
            var responses = JsonNode.Parse(payload)?["responses"]?.AsArray() ?? [];
            foreach (var response in responses)
            {
                var id = response?["correlationData"]?.GetValue<string>();
                if (id is not null && _waiting.TryGetValue(id, out var waiter))
                {
                    waiter.TrySetResult(response?["error"]?.GetValue<string>());
                }
            }
        }
        catch (JsonException)
        {
            // Not an answer to us; commands time out rather than guess.
        }
    }
}
