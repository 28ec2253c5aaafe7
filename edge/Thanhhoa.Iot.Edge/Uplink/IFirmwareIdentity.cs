namespace Thanhhoa.Iot.Edge.Uplink;

/// <summary>
/// The firmware version this process runs, as the birth reports it (<c>fw</c>). With A/B slots it is the
/// version of the slot started, not the build's: the cloud targets rollouts and shows progress by it.
/// </summary>
public interface IFirmwareIdentity
{
    string Version { get; }
}
