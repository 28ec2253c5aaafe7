using Thanhhoa.Iot.Edge.Firmware;

namespace Thanhhoa.Iot.Edge.Tests.Firmware;

internal sealed class FixedFreeSpace(long bytes) : IFreeSpaceProbe
{
    public long FreeBytes(string path) => bytes;
}
