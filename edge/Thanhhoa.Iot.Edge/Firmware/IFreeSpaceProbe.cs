namespace Thanhhoa.Iot.Edge.Firmware;

/// <summary>Free bytes on the disk holding a folder; a seam so tests can run out of space.</summary>
public interface IFreeSpaceProbe
{
    long FreeBytes(string path);
}
