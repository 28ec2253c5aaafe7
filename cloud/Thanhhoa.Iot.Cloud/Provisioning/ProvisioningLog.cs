namespace Thanhhoa.Iot.Cloud.Provisioning;

/// <summary>Provisioning log lines (event ids 6101-6199); token ids and device ids only, never a token or secret.</summary>
internal static partial class ProvisioningLog
{
    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Provisioned device {DeviceId} at site {Site} with enrollment token {TokenId}")]
    public static partial void Provisioned(ILogger logger, string deviceId, string site, string tokenId);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Warning, Message = "Device {NewDeviceId} replaced {OldDeviceId} at site {Site}; the old device's credentials are revoked")]
    public static partial void Replaced(ILogger logger, string newDeviceId, string oldDeviceId, string site);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Warning, Message = "Refused provisioning ({Code}): {Detail}")]
    public static partial void Refused(ILogger logger, string code, string detail);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Error, Message = "Could not add device {DeviceId} to the broker; provisioning refused so the token stays usable")]
    public static partial void BrokerUpdateFailed(ILogger logger, Exception error, string deviceId);
}
