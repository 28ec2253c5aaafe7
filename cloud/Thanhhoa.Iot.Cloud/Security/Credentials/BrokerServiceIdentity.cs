using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Cloud.Broker;
using Thanhhoa.Iot.Cloud.Security.Secrets;

namespace Thanhhoa.Iot.Cloud.Security.Credentials;

/// <summary>
/// The cloud's own MQTT identity on the embedded broker (<c>Broker:ServiceClientId</c>), separate from
/// every device. Its password is <c>Broker:ServicePassword</c> when configured; otherwise one is generated
/// on first run, written owner-only to <see cref="SecurityPaths.BrokerServicePassword"/> for the cloud's
/// own tools, and only its salted hash is kept in the store. Several nodes on one store should configure
/// the password (only the node that generated it has the file).
/// </summary>
public sealed class BrokerServiceIdentity(
    IOptions<BrokerOptions> broker,
    IOptions<SecurityOptions> security,
    ISecurityStateStore state,
    SecurityPaths paths,
    ILogger<BrokerServiceIdentity> logger) : IHostedService, IDisposable
{
    private const string StateKey = "broker-service-password-hash";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _hash;

    public string ClientId => broker.Value.ServiceClientId;

    public Task StartAsync(CancellationToken cancellationToken) => EnsureAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _gate.Dispose();

    public async Task<bool> VerifyAsync(string? password, CancellationToken cancellationToken)
    {
        await EnsureAsync(cancellationToken).ConfigureAwait(false);
        return SecretHasher.Verify(password, _hash);
    }

    /// <summary>The password, for the cloud's own clients: configured, or read from the generated file.</summary>
    public async Task<string> PasswordAsync(CancellationToken cancellationToken)
    {
        await EnsureAsync(cancellationToken).ConfigureAwait(false);
        return broker.Value.ServicePassword is { Length: > 0 } configured
            ? configured
            : (await File.ReadAllTextAsync(paths.BrokerServicePassword, cancellationToken).ConfigureAwait(false)).Trim();
    }

    private async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (_hash is not null)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _hash ??= await LoadOrCreateAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<string> LoadOrCreateAsync(CancellationToken cancellationToken)
    {
        var iterations = security.Value.HashIterations;
        if (broker.Value.ServicePassword is { Length: > 0 } configured)
        {
            return SecretHasher.Hash(configured, iterations);
        }

        // Kept even when this node has no file: another node sharing the store (PostgreSQL) generated it.
        var stored = await state.GetAsync(StateKey, cancellationToken).ConfigureAwait(false);
        if (stored is not null)
        {
            return stored;
        }

        var password = RandomSecrets.Base32(52);
        OwnerOnlyFile.Write(paths.BrokerServicePassword, password + "\n");
        var hash = SecretHasher.Hash(password, iterations);
        await state.SetAsync(StateKey, hash, cancellationToken).ConfigureAwait(false);
        SecurityLog.ServicePasswordGenerated(logger, paths.BrokerServicePassword);
        return hash;
    }
}
