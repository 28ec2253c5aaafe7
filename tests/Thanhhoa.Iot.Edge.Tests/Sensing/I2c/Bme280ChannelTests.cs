using System.Device.I2c;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Thanhhoa.Iot.Edge.Sensing.Fakes;
using Thanhhoa.Iot.Edge.Sensing.I2c;
using Thanhhoa.Iot.Edge.Sensing.Profiles;

namespace Thanhhoa.Iot.Edge.Tests.Sensing.I2c;

/// <summary>The real Iot.Device.Bmxx80.Bme280 binding over a fake register map, against the Bosch formulas.</summary>
[TestFixture]
[Category("Unit")]
public sealed class Bme280ChannelTests
{
    // Raw ADC values of the Bosch worked example (BMP280 datasheet 3.12: 0x7EED0 and 0x655AC).
    private const int AdcT = 519888;
    private const int AdcP = 415148;
    private const int AdcH = 0x7000;

    [Test]
    public async Task ReadAsync_DatasheetTrimming_MatchesTheBoschFormulas()
    {
        var trimming = Bme280Trimming.DatasheetExample;
        using var chip = new FakeBme280Device(new I2cConnectionSettings(1, 0x76), trimming);
        chip.SetRawAdc(AdcT, AdcP, AdcH);
        using var sensor = new Bme280Sensor(chip);
        var values = await ReadAllAsync(sensor);

        var (celsius, tFine) = Bme280DatasheetFormulas.Temperature(trimming, AdcT);
        var pascals = Bme280DatasheetFormulas.Pressure(trimming, tFine, AdcP);
        var humidity = Bme280DatasheetFormulas.Humidity(trimming, tFine, AdcH);
        Assert.Multiple(() =>
        {
            Assert.That(celsius, Is.EqualTo(25.08), "the worked example's temperature");
            Assert.That(pascals, Is.EqualTo(100653.27).Within(0.05), "the worked example's pressure (floating point there, 64-bit integer here)");
            Assert.That(humidity, Is.InRange(30.0, 70.0), "a plausible humidity for these trimming values");
            Assert.That(values[Bme280Quantity.Temperature], Is.EqualTo(celsius).Within(0.01));
            Assert.That(values[Bme280Quantity.Pressure], Is.EqualTo(pascals).Within(0.5));
            Assert.That(values[Bme280Quantity.Humidity], Is.EqualTo(humidity).Within(0.02));
        });
    }

    [Test]
    public async Task SetConditions_SimulatedSite_ReadsBackThroughTheBinding()
    {
        using var chip = new FakeBme280Device(new I2cConnectionSettings(1, 0x77));
        chip.SetConditions(41.5, 82.0, 99_800.0);
        using var sensor = new Bme280Sensor(chip);

        var values = await ReadAllAsync(sensor);

        Assert.Multiple(() =>
        {
            Assert.That(values[Bme280Quantity.Temperature], Is.EqualTo(41.5).Within(0.01));
            Assert.That(values[Bme280Quantity.Humidity], Is.EqualTo(82.0).Within(0.05));
            Assert.That(values[Bme280Quantity.Pressure], Is.EqualTo(99_800.0).Within(1.0));
        });
    }

    [Test]
    public void Constructor_WrongChipId_Throws()
    {
        using var chip = new FakeBme280Device(new I2cConnectionSettings(1, 0x76));
        chip[0xD0] = 0x58; // a BMP280 where a BME280 was declared

        Assert.That(() => new Bme280Sensor(chip), Throws.InstanceOf<IOException>());
    }

    private static async Task<Dictionary<Bme280Quantity, double>> ReadAllAsync(Bme280Sensor sensor)
    {
        var time = new FakeTimeProvider();
        var values = new Dictionary<Bme280Quantity, double>();
        foreach (var quantity in Enum.GetValues<Bme280Quantity>())
        {
            var channel = new Bme280Channel(new ChannelSpec("cab", "x", TimeSpan.FromSeconds(1)), sensor, quantity, time);
            values[quantity] = (await channel.ReadAsync(CancellationToken.None)).Value;
        }

        return values;
    }
}
