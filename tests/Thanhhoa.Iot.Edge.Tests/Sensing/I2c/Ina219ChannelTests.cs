using System.Device.I2c;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Thanhhoa.Iot.Edge.Sensing.Fakes;
using Thanhhoa.Iot.Edge.Sensing.I2c;
using Thanhhoa.Iot.Edge.Sensing.Profiles;

namespace Thanhhoa.Iot.Edge.Tests.Sensing.I2c;

/// <summary>
/// The real Iot.Device.Adc.Ina219 binding over a fake register map, checked against the TI SBOS448
/// programming example: 10 A through a 2 mΩ shunt (20 mV) on a 12 V bus, Current_LSB = 1 mA.
/// </summary>
[TestFixture]
[Category("Unit")]
public sealed class Ina219ChannelTests
{
    private const double ShuntOhms = 0.002;
    private const double CurrentLsb = 0.001;

    [Test]
    public void Compute_DatasheetExample_Gives20480()
    {
        // SBOS448 equation 1: Cal = trunc(0.04096 / (Current_LSB × R_SHUNT))
        Assert.That(Ina219Calibration.Compute(ShuntOhms, CurrentLsb), Is.EqualTo(20480).And.EqualTo(0x5000));
    }

    [Test]
    public async Task ReadAsync_DatasheetRegisterValues_GiveTheWorkedResults()
    {
        using var chip = new FakeIna219Device(new I2cConnectionSettings(1, 0x40));
        chip.SetShuntVoltageRegister(2000);      // 07D0h: 2000 × 10 µV = 20 mV
        chip.SetBusVoltageRegister(0x5DC2);      // 3000 << 3 | CNVR: 3000 × 4 mV = 12 V
        using var sensor = new Ina219Sensor(chip, ShuntOhms, CurrentLsb);
        var time = new FakeTimeProvider();

        var values = new Dictionary<Ina219Quantity, double>();
        foreach (var quantity in Enum.GetValues<Ina219Quantity>())
        {
            var channel = new Ina219Channel(new ChannelSpec("dc", "x", TimeSpan.FromSeconds(1)), sensor, quantity, time);
            values[quantity] = (await channel.ReadAsync(CancellationToken.None)).Value;
        }

        Assert.Multiple(() =>
        {
            Assert.That(chip.Register(FakeIna219Device.Calibration), Is.EqualTo(0x5000), "calibration written by the binding");
            Assert.That(chip.Register(FakeIna219Device.Current), Is.EqualTo(10000), "SBOS448 eq. 4: 2000 × 20480 / 4096");
            Assert.That(chip.Register(FakeIna219Device.Power), Is.EqualTo(6000), "SBOS448 eq. 5: 10000 × 3000 / 5000");
            Assert.That(values[Ina219Quantity.ShuntVoltage], Is.EqualTo(0.020).Within(1e-9));
            Assert.That(values[Ina219Quantity.BusVoltage], Is.EqualTo(12.0).Within(1e-9));
            Assert.That(values[Ina219Quantity.Current], Is.EqualTo(10.0).Within(1e-6));
            Assert.That(values[Ina219Quantity.Power], Is.EqualTo(120.0).Within(1e-4));
        });
    }

    [Test]
    public void Read_BusAbove16VoltsAndReverseCurrent_ReadWithTheirTrueSign()
    {
        using var chip = new FakeIna219Device(new I2cConnectionSettings(1, 0x40));
        chip.SetBusVoltageRegister(0x8CA2);      // 4500 << 3 | CNVR: 18 V, a 54 V bus behind a 1:3 divider
        chip.SetShuntVoltageRegister(-2000);     // F830h: -20 mV, the current flowing back
        using var sensor = new Ina219Sensor(chip, ShuntOhms, CurrentLsb);

        Assert.Multiple(() =>
        {
            Assert.That(sensor.Read(Ina219Quantity.BusVoltage), Is.EqualTo(18.0).Within(1e-9));
            Assert.That(sensor.Read(Ina219Quantity.ShuntVoltage), Is.EqualTo(-0.020).Within(1e-9));
            Assert.That(sensor.Read(Ina219Quantity.Current), Is.EqualTo(-10.0).Within(1e-6));
            Assert.That(sensor.Read(Ina219Quantity.Power), Is.EqualTo(180.0).Within(1e-3), "the chip's power register is unsigned");
        });
    }

    [Test]
    public void Read_ChipUnplugged_ThrowsIOException()
    {
        using var chip = new FakeIna219Device(new I2cConnectionSettings(1, 0x41));
        using var sensor = new Ina219Sensor(chip, ShuntOhms, CurrentLsb);
        chip.Unplugged = true;

        Assert.That(() => sensor.Read(Ina219Quantity.BusVoltage), Throws.InstanceOf<IOException>().With.Message.Contain("0x41"));
    }
}
