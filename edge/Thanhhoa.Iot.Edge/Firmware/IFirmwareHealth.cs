namespace Thanhhoa.Iot.Edge.Firmware;

/// <summary>Whether the gateway works well enough to commit a trial slot.</summary>
public interface IFirmwareHealth
{
    /// <summary>Null when healthy; otherwise what is not working yet, for the rolled-back reason.</summary>
    string? Problem();
}
