using LiteDB;
using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Cloud.Broker;
using Thanhhoa.Iot.Cloud.Security.Secrets;
using Thanhhoa.Iot.Cloud.Storage.LiteDb;

namespace Thanhhoa.Iot.Cloud.Security.Credentials;

/// <summary>
/// The cloud's own MQTT identity on the embedded broker (<c>Broker:ServiceClientId</c>), separate from
/// every device. Its password is <c>Broker:ServicePassword</c> when configured; otherwise one is generated
/// on first run, written owner-only to <see cref="SecurityPaths.BrokerServicePassword"/> for the cloud's
/// own tools, and only its salted hash is kept in the store.
/// </summary>
public sealed class BrokerServiceIdentity(
    IOptions<BrokerOptions> broker,
    IOptions<SecurityOptions> security,
    LiteDbStore store,
    SecurityPaths paths,
    ILogger<BrokerServiceIdentity> logger) : IHostedService, IDisposable
{
    private const string Collection = "security_state";
    private const string DocumentId = "broker-service";
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

        var stored = store.Database.GetCollection(Collection).FindById(DocumentId);
        if (stored is not null && File.Exists(paths.BrokerServicePassword))
        {
            return stored["hash"].AsString;
        }

        var password = RandomSecrets.Base32(52);
        OwnerOnlyFile.Write(paths.BrokerServicePassword, password + "\n");
        var hash = SecretHasher.Hash(password, iterations);
        await store.Writer.WriteAsync(
            db => db.GetCollection(Collection).Upsert(new BsonDocument { ["_id"] = DocumentId, ["hash"] = hash }),
            cancellationToken).ConfigureAwait(false);
        SecurityLog.ServicePasswordGenerated(logger, paths.BrokerServicePassword);
        return hash;
    }
}
