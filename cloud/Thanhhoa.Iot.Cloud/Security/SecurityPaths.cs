using Microsoft.Extensions.Options;
using Thanhhoa.Iot.Cloud.Storage;

namespace Thanhhoa.Iot.Cloud.Security;

/// <summary>Where the cloud keeps its owner-only security files: <c>{Storage:DataDirectory}/security</c>.</summary>
public sealed class SecurityPaths(IOptions<StorageOptions> storage)
{
    public string Directory => Path.Combine(storage.Value.FullDataDirectory, "security");

    /// <summary>The first admin API key, written once on first run (0600); delete it once read.</summary>
    public string BootstrapAdminKey => Path.Combine(Directory, "bootstrap-admin.key");

    /// <summary>The generated MQTT password of the cloud's service identity (0600), when none is configured.</summary>
    public string BrokerServicePassword => Path.Combine(Directory, "broker-service.password");

    /// <summary>The generated CA and server certificate for MQTT over TLS.</summary>
    public string Tls => Path.Combine(Directory, "tls");
}
