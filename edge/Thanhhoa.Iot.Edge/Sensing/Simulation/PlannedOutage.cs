namespace Thanhhoa.Iot.Edge.Sensing.Simulation;

/// <summary>One mains outage as the schedule planned it; on some the generator does not start.</summary>
internal readonly record struct PlannedOutage(DateTimeOffset Start, DateTimeOffset End, bool GeneratorFails);
