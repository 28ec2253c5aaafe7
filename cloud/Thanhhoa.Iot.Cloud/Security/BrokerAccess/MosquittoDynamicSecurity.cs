using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Cloud.Broker;
using Thanhhoa.Iot.Cloud.Security.Credentials;

namespace Thanhhoa.Iot.Cloud.Security.BrokerAccess;

/// <summary>
/// Keeps an external mosquitto in step with device credentials through its dynamic-security plugin: at
/// start it sets default deny and creates the cloud's ingest client and role; each provisioned device gets
/// a client (user name = client id = device id, its secret as password) with a role limited to its own
/// topics; a revoked device is disabled (mosquitto disconnects it) and deleted.
/// </summary>
public sealed class MosquittoDynamicSecurity : IBrokerAccessSync, IHostedService, IAsyncDisposable
{
    private readonly DynamicSecurityOptions _options;
    private readonly ExternalBrokerOptions _external;
    private readonly IDeviceCredentialStore _credentials;
    private readonly ILogger<MosquittoDynamicSecurity> _logger;
    private readonly DynSecClient _client;
    private readonly SemaphoreSlim _prepareGate = new(1, 1);
    private bool _prepared;

    public MosquittoDynamicSecurity(IOptions<SecurityOptions> security, IOptions<BrokerOptions> broker, IDeviceCredentialStore credentials, ILogger<MosquittoDynamicSecurity> logger)
    {
        _options = security.Value.DynamicSecurity;
        _external = broker.Value.External;
        _credentials = credentials;
        _logger = logger;
        _client = new DynSecClient(_external.Host, _external.Port, _options);
    }

    /// <summary>Prepares the broker before ingest connects; a broker that is not up yet is prepared at the next change.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await EnsurePreparedAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            SecurityLog.DynSecNotReady(_logger, ex.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task DeviceEnrolledAsync(string deviceId, string secret, CancellationToken cancellationToken)
    {
        await EnsurePreparedAsync(cancellationToken).ConfigureAwait(false);
        await _client.RunAsync([DynSecCommands.CreateDeviceRole(deviceId), DynSecCommands.CreateDeviceClient(deviceId, secret)], cancellationToken).ConfigureAwait(false);
    }

    public Task DeviceEnrollmentAbandonedAsync(string deviceId, CancellationToken cancellationToken) =>
        _client.RunAsync(DynSecCommands.RemoveDevice(deviceId).ToList(), cancellationToken);

    public Task DeviceRevokedAsync(string deviceId, string reason, CancellationToken cancellationToken) =>
        _client.RunAsync(DynSecCommands.RemoveDevice(deviceId).ToList(), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync().ConfigureAwait(false);
        _prepareGate.Dispose();
    }

    private async Task EnsurePreparedAsync(CancellationToken cancellationToken)
    {
        await _prepareGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_prepared)
            {
                return;
            }

            await _client.RunAsync([DynSecCommands.DefaultDeny(), .. DynSecCommands.ServiceRole(_options.ServiceRole)], cancellationToken).ConfigureAwait(false);
            await EnsureServiceClientAsync(cancellationToken).ConfigureAwait(false);
            await RemoveRevokedAsync(cancellationToken).ConfigureAwait(false);
            _prepared = true;
            SecurityLog.DynSecPrepared(_logger, _options.ServiceRole, _external.Username!);
        }
        finally
        {
            _prepareGate.Release();
        }
    }

    // A client created earlier keeps its settings; its password and role are brought in line with the configuration.
    private async Task EnsureServiceClientAsync(CancellationToken cancellationToken)
    {
        var (username, password, role) = (_external.Username!, _external.Password!, _options.ServiceRole);
        var created = await _client.SendAsync([DynSecCommands.CreateServiceClient(username, password, role)], cancellationToken).ConfigureAwait(false);
        if (created[0].Error is not { } error)
        {
            return;
        }

        if (!DynSecCommands.IsHarmless("createClient", error))
        {
            throw new InvalidOperationException($"mosquitto dynamic security refused createClient '{username}': {error}");
        }

        await _client.RunAsync([DynSecCommands.SetPassword(username, password)], cancellationToken).ConfigureAwait(false);
        // mosquitto 2.0 answers "Internal error" when the client has the role already, so the answer is not checked.
        await _client.SendAsync([DynSecCommands.AddClientRole(username, role)], cancellationToken).ConfigureAwait(false);
    }

    // Revocations made while the broker was unreachable are applied now (deleting an absent client is harmless).
    private async Task RemoveRevokedAsync(CancellationToken cancellationToken)
    {
        var revoked = (await _credentials.ListAsync(cancellationToken).ConfigureAwait(false)).Where(c => !c.IsActive).ToList();
        foreach (var credential in revoked)
        {
            await _client.RunAsync(DynSecCommands.RemoveDevice(credential.DeviceId).ToList(), cancellationToken).ConfigureAwait(false);
        }
    }
}
