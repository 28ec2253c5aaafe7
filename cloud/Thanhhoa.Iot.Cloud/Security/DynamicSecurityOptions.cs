namespace Thanhhoa.Iot.Cloud.Security;

/// <summary>
/// Configuration section <c>Security:DynamicSecurity</c>: the mosquitto dynamic-security admin the cloud
/// uses (over <c>$CONTROL/dynamic-security/v1</c> on the broker of <c>Broker:External</c>) to add each
/// provisioned device with a role that lets it publish only under its own up/ and subscribe only to its
/// own down/, to delete it on revocation, and to create the cloud's own ingest client.
/// </summary>
public sealed class DynamicSecurityOptions
{
    public bool Enabled { get; set; }

    /// <summary>The dynsec admin user (created with <c>mosquitto_ctrl dynsec init FILE USER PASSWORD</c>).</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Client id of the admin connection.</summary>
    public string ClientId { get; set; } = "thiot-cloud-dynsec";

    /// <summary>Role given to the cloud's ingest client (Broker:External:Username).</summary>
    public string ServiceRole { get; set; } = "thiot-cloud";

    /// <summary>How long to wait for the broker to answer a command.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
