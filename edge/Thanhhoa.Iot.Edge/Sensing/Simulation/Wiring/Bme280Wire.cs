using Thanhhoa.Iot.Edge.Sensing.Fakes;

namespace Thanhhoa.Iot.Edge.Sensing.Simulation.Wiring;

/// <summary>A BME280 in the cabinet: raw ADC values that the chip's own trimming compensates back to the cabinet's climate.</summary>
internal sealed class Bme280Wire(int bus, int address, ChannelScaling temperature, ChannelScaling humidity, ChannelScaling pressure) : ISimulatedWire
{
    private (double T, double H, double P) _last = (double.NaN, double.NaN, double.NaN);

    public void Apply(SiteConditions conditions, FakeSiteHardware hardware)
    {
        var next = (
            temperature.Raw(conditions.CabinetCelsius),
            humidity.Raw(conditions.CabinetHumidityPercent),
            pressure.Raw(conditions.PressurePascals));
        if (Same(next.Item1, _last.T, 0.005) && Same(next.Item2, _last.H, 0.01) && Same(next.Item3, _last.P, 0.5))
        {
            return; // below the chip's resolution: spare the inversion
        }

        hardware.Bme280(bus, address).SetConditions(next.Item1, next.Item2, next.Item3);
        _last = next;
    }

    private static bool Same(double a, double b, double tolerance) => Math.Abs(a - b) < tolerance;
}
