namespace Thanhhoa.Iot.Cloud.Ingest;

/// <summary>Told when a device's birth was applied (a new session is online), e.g. to re-send what it may have missed. Must return quickly.</summary>
public interface IDeviceOnlineObserver
{
    void Online(string deviceId, long session);
}
