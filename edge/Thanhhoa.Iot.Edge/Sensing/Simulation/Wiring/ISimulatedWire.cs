using Thanhhoa.Iot.Edge.Sensing.Fakes;

namespace Thanhhoa.Iot.Edge.Sensing.Simulation.Wiring;

/// <summary>One connection from the site model to a fake part: it puts a condition where the real sensor would see it.</summary>
internal interface ISimulatedWire
{
    void Apply(SiteConditions conditions, FakeSiteHardware hardware);
}
