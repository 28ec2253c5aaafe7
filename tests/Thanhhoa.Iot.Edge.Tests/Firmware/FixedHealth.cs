using Thanhhoa.Iot.Edge.Firmware;

namespace Thanhhoa.Iot.Edge.Tests.Firmware;

/// <summary>A health check with a fixed answer: null is healthy.</summary>
internal sealed class FixedHealth(string? problem) : IFirmwareHealth
{
    public string? Problem() => problem;
}
