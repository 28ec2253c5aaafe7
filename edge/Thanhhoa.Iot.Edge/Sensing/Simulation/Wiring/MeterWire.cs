using Thanhhoa.Iot.Edge.Sensing.Fakes;
using Thanhhoa.Iot.Edge.Sensing.Modbus;

namespace Thanhhoa.Iot.Edge.Sensing.Simulation.Wiring;

/// <summary>One register of the energy meter on the mains incomer, encoded as the register map says.</summary>
internal sealed record MeterWire(string Port, int BaudRate, byte Slave, RegisterMap Map, RegisterMapEntry Entry, ChannelScaling Scaling, Func<SiteConditions, double> Value) : ISimulatedWire
{
    public void Apply(SiteConditions conditions, FakeSiteHardware hardware) =>
        hardware.Line(Port, BaudRate).Slave(Slave).SetEntry(Map, Entry, Scaling.Raw(Value(conditions)));
}
