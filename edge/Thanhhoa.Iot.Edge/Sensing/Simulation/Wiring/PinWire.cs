using Thanhhoa.Iot.Edge.Sensing.Fakes;

namespace Thanhhoa.Iot.Edge.Sensing.Simulation.Wiring;

/// <summary>
/// A contact on a GPIO input. <paramref name="ReadsOne"/> says when the channel should read 1; the
/// pin level follows the contact's wiring, so an active-low input (a contact to ground with a
/// pull-up) is driven low for 1, as the real contact would pull it.
/// </summary>
internal sealed record PinWire(int Pin, bool ActiveLow, Func<SiteConditions, bool> ReadsOne) : ISimulatedWire
{
    public void Apply(SiteConditions conditions, FakeSiteHardware hardware) => hardware.SetPin(Pin, ReadsOne(conditions) ^ ActiveLow);
}
