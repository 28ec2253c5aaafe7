using Thanhhoa.Iot.Edge.Sensing.Fakes;

namespace Thanhhoa.Iot.Edge.Sensing.Simulation.Wiring;

/// <summary>
/// An INA219 on the DC load bus: the bus voltage at its input (behind the profile's divider, i.e.
/// the bus channel's gain undone) and the load current through its shunt, so the chip computes the
/// current register from its own calibration as on a real board.
/// </summary>
internal sealed record Ina219Wire(int Bus, int Address, double ShuntOhms, ChannelScaling BusVoltage, ChannelScaling Current) : ISimulatedWire
{
    public void Apply(SiteConditions conditions, FakeSiteHardware hardware) =>
        hardware.Ina219(Bus, Address).SetDcBus(BusVoltage.Raw(conditions.DcBusVolts), Current.Raw(conditions.LoadAmps), ShuntOhms);
}
