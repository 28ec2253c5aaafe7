using Microsoft.Extensions.Logging;

namespace Thanhhoa.Iot.Edge.Sensing.Simulation;

/// <summary>Log messages of the simulated site (event ids 2201–2209).</summary>
internal static partial class SimulationLog
{
    [LoggerMessage(EventId = 2201, Level = LogLevel.Warning, Message = "The simulated site could not move its fake hardware; it keeps trying every tick")]
    public static partial void DriverFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Information, Message = "The simulated site moves its fake hardware again")]
    public static partial void DriverRecovered(ILogger logger);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Information, Message = "Simulated site (seed {Seed}): generator {HasGenerator}, battery {CapacityAh:0} Ah")]
    public static partial void Started(ILogger logger, int seed, bool hasGenerator, double capacityAh);

    [LoggerMessage(EventId = 2204, Level = LogLevel.Warning, Message = "A simulation tick took longer than the tick interval {Interval}; the next tick was skipped")]
    public static partial void TickOverran(ILogger logger, TimeSpan interval);
}
