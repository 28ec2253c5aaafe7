using System.Device.Gpio;
using System.IO.Ports;
using System.Reflection;
using Iot.Device.Adc;
using Thanhhoa.Iot.Edge.Diagnostics.Checks;
using Thanhhoa.Iot.Edge.Diagnostics.Text;
using UnitsNet;

namespace Thanhhoa.Iot.Edge.Diagnostics.SelfTest;

/// <summary>
/// The hardware libraries load on this runtime (System.Device.Gpio, Iot.Device.Bindings with its
/// UnitsNet quantities, System.IO.Ports), without touching any pin or bus: the self-test must run
/// on any board, wired or not.
/// </summary>
internal sealed class IotLibrariesCheck(Texts texts) : IDiagnosticCheck
{
    public string Name => "iot-libraries";

    public string? Progress => null;

    public Task<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        var assemblies = new[] { typeof(GpioController).Assembly, typeof(Ina219).Assembly, typeof(ElectricPotential).Assembly, typeof(SerialPort).Assembly };
        // A quantity conversion runs UnitsNet code, not just its metadata (INA219 readings arrive as these).
        var volts = ElectricPotential.FromMillivolts(52_125).Volts;
        if (Math.Abs(volts - 52.125) > 1e-9 || PinValue.High != true)
        {
            return Task.FromResult(CheckResult.Fail(Name, texts.Format(TextKey.IotLibrariesWrong, volts), texts[TextKey.BrokenBuildFix]));
        }

        var names = string.Join(", ", assemblies.Select(Describe));
        return Task.FromResult(CheckResult.Ok(Name, texts.Format(TextKey.IotLibrariesOk, names)));
    }

    private static string Describe(Assembly assembly)
    {
        var name = assembly.GetName();
        return $"{name.Name} {name.Version?.ToString(3)}";
    }
}
