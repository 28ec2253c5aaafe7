using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Thanhhoa.Iot.Contracts.Messages;
using Thanhhoa.Iot.Edge.Sensing.OneWire;
using Thanhhoa.Iot.Edge.Sensing.Profiles;
using Thanhhoa.Iot.TestSupport;

namespace Thanhhoa.Iot.Edge.Tests.Sensing.OneWire;

/// <summary>The real Iot.Device.OneWire binding reading a test tree of w1_slave files.</summary>
[TestFixture]
[Category("Unit")]
public sealed class Ds18b20ChannelTests
{
    private const string Bus = "w1_bus_master1";
    private const string Device = "28-0316a2795aff";

    private TempDirectory _root = null!;
    private Ds18b20Channel _channel = null!;

    [SetUp]
    public void CreateTree()
    {
        _root = new TempDirectory("thiot-w1");
        Directory.CreateDirectory(Path.Combine(_root.Path, Bus, Device));
        _channel = new Ds18b20Channel(new ChannelSpec("battery_t", "degC", TimeSpan.FromSeconds(30)), _root.Path, Bus, Device, new FakeTimeProvider());
    }

    [TearDown]
    public void DeleteTree() => _root.Dispose();

    [Test]
    public async Task ReadAsync_GoodCrc_ReturnsMilliDegrees()
    {
        Write("72 01 4b 46 7f ff 0e 10 57 : crc=57 YES\n72 01 4b 46 7f ff 0e 10 57 t=23125\n");

        var reading = await _channel.ReadAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(reading.Value, Is.EqualTo(23.125));
            Assert.That(reading.Quality, Is.EqualTo(Quality.Good));
        });
    }

    [Test]
    public void ReadAsync_CrcMismatch_ThrowsNamingTheSensor()
    {
        Write("72 01 4b 46 7f ff 0e 10 57 : crc=00 NO\n72 01 4b 46 7f ff 0e 10 57 t=23125\n");

        Assert.That(async () => await _channel.ReadAsync(CancellationToken.None), Throws.InstanceOf<IOException>().With.Message.Contain(Device));
    }

    [Test]
    public async Task ReadAsync_PowerOnResetValue_IsUncertain()
    {
        Write("50 05 4b 46 7f ff 0c 10 1c : crc=1c YES\n50 05 4b 46 7f ff 0c 10 1c t=85000\n");

        var reading = await _channel.ReadAsync(CancellationToken.None);

        Assert.That(reading.Quality, Is.EqualTo(Quality.Uncertain));
    }

    private void Write(string content) => File.WriteAllText(Path.Combine(_root.Path, Bus, Device, "w1_slave"), content);
}
