namespace Thanhhoa.Iot.Edge.Firmware;

/// <summary>Free bytes as the file system reports them to this user.</summary>
public sealed class DriveFreeSpaceProbe : IFreeSpaceProbe
{
    public long FreeBytes(string path)
    {
        Directory.CreateDirectory(path);
        return new DriveInfo(Path.GetFullPath(path)).AvailableFreeSpace;
    }
}
