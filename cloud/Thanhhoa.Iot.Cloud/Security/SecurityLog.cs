namespace Thanhhoa.Iot.Cloud.Security;

/// <summary>Security log lines (event ids 6001-6099). None of them carries a secret: ids and file paths only.</summary>
internal static partial class SecurityLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning,
        Message = "First run: created the bootstrap admin API key {KeyId} and wrote it, owner-only, to {Path}. Read it once, create named keys (POST /api/api-keys), then revoke it (DELETE /api/api-keys/{KeyId}) and delete the file")]
    public static partial void BootstrapKeyWritten(ILogger logger, string path, string keyId);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning,
        Message = "The bootstrap admin key file {Path} still exists; delete it once you have created named keys")]
    public static partial void BootstrapKeyFileStillThere(ILogger logger, string path);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Warning,
        Message = "SECURITY MODE DEVELOPMENT: API calls without a key act as an operator and unprovisioned device ids may connect to the broker without a secret. For the local demo only; production must run Security:Mode=Enforced")]
    public static partial void DevelopmentMode(ILogger logger);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Information, Message = "Generated the broker service identity's password and wrote it, owner-only, to {Path}")]
    public static partial void ServicePasswordGenerated(ILogger logger, string path);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Information, Message = "Device {DeviceId} connected without credentials (development mode: it was never provisioned)")]
    public static partial void UnprovisionedDeviceAccepted(ILogger logger, string deviceId);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Warning, Message = "Revoked the credentials of device {DeviceId}: {Reason}")]
    public static partial void DeviceRevoked(ILogger logger, string deviceId, string reason);

    [LoggerMessage(EventId = 6007, Level = LogLevel.Warning, Message = "Could not update the broker after revoking device {DeviceId}; it may stay connected until it reconnects")]
    public static partial void RevocationBrokerUpdateFailed(ILogger logger, Exception error, string deviceId);

    [LoggerMessage(EventId = 6008, Level = LogLevel.Information, Message = "Generated the MQTT TLS certificate authority {Subject} in {Directory}")]
    public static partial void CaGenerated(ILogger logger, string subject, string directory);

    [LoggerMessage(EventId = 6009, Level = LogLevel.Information, Message = "Issued the broker's TLS server certificate for {Names}, valid until {NotAfter:u}")]
    public static partial void ServerCertificateIssued(ILogger logger, string names, DateTimeOffset notAfter);

    [LoggerMessage(EventId = 6010, Level = LogLevel.Information, Message = "Mosquitto dynamic security: ensured default deny, role '{Role}' and the cloud's ingest client '{Username}'")]
    public static partial void DynSecPrepared(ILogger logger, string role, string username);

    [LoggerMessage(EventId = 6011, Level = LogLevel.Warning, Message = "Mosquitto dynamic security is not reachable yet ({Reason}); retrying at the next change")]
    public static partial void DynSecNotReady(ILogger logger, string reason);

    [LoggerMessage(EventId = 6012, Level = LogLevel.Warning, Message = "Refused a broker auth/ACL call: wrong or missing X-Broker-Secret from {Remote}")]
    public static partial void BrokerAuthCallRefused(ILogger logger, string? remote);

    [LoggerMessage(EventId = 6013, Level = LogLevel.Error, Message = "Could not write the audit record of {Method} {Path} ({Status})")]
    public static partial void AuditWriteFailed(ILogger logger, Exception error, string method, string path, int status);
}
