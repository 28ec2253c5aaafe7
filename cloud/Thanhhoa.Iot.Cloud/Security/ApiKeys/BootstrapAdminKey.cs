using Thanhhoa.Iot.Cloud.Security.Authorization;
using Thanhhoa.Iot.Cloud.Security.Secrets;

namespace Thanhhoa.Iot.Cloud.Security.ApiKeys;

/// <summary>
/// On first run (no API key exists yet) creates one admin key and writes it, and only it, to an
/// owner-only file in the data directory; the log names the file, never the key. The operator reads
/// it once, creates named keys with it (POST /api/api-keys), revokes it and deletes the file.
/// </summary>
public sealed class BootstrapAdminKey(IApiKeyStore store, ApiKeyService keys, SecurityPaths paths, ILogger<BootstrapAdminKey> logger) : IHostedService
{
    public const string KeyName = "bootstrap-admin";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var existing = await store.ListAsync(cancellationToken).ConfigureAwait(false);
        if (existing.Count > 0)
        {
            if (File.Exists(paths.BootstrapAdminKey))
            {
                SecurityLog.BootstrapKeyFileStillThere(logger, paths.BootstrapAdminKey);
            }

            return;
        }

        var created = await keys.CreateAsync(KeyName, ApiRole.Admin, [], "first run", cancellationToken).ConfigureAwait(false);
        OwnerOnlyFile.Write(paths.BootstrapAdminKey, created.Key + "\n");
        SecurityLog.BootstrapKeyWritten(logger, paths.BootstrapAdminKey, created.Record.Id);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
