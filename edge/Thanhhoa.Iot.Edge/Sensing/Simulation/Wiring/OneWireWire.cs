using Thanhhoa.Iot.Edge.Sensing.Fakes;

namespace Thanhhoa.Iot.Edge.Sensing.Simulation.Wiring;

/// <summary>A DS18B20 taped to the battery: its w1_slave file, rewritten only when the 1/16 °C reading changes.</summary>
internal sealed class OneWireWire(string bus, string device, ChannelScaling scaling) : ISimulatedWire
{
    private int? _lastSixteenths;

    public void Apply(SiteConditions conditions, FakeSiteHardware hardware)
    {
        var sixteenths = (int)Math.Round(scaling.Raw(conditions.BatteryCelsius) * 16);
        if (sixteenths == _lastSixteenths)
        {
            return;
        }

        hardware.SetOneWireTemperature(bus, device, sixteenths / 16.0);
        _lastSixteenths = sixteenths;
    }
}
