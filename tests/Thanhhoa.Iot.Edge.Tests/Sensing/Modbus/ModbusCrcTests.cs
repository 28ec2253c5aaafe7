using NUnit.Framework;
using Thanhhoa.Iot.Edge.Sensing.Modbus;

namespace Thanhhoa.Iot.Edge.Tests.Sensing.Modbus;

[TestFixture]
[Category("Unit")]
public sealed class ModbusCrcTests
{
    [TestCase(new byte[] { 0x01, 0x03, 0x00, 0x00, 0x00, 0x0A }, (byte)0xC5, (byte)0xCD)]
    [TestCase(new byte[] { 0x01, 0x04, 0x04, 0x43, 0x66, 0x80, 0x00 }, (byte)0x6F, (byte)0xDF)] // captured from pymodbus
    public void Append_KnownFrames_AppendsLowByteFirst(byte[] frame, byte low, byte high)
    {
        var withCrc = ModbusCrc.Append(frame);

        Assert.Multiple(() =>
        {
            Assert.That(withCrc[^2..], Is.EqualTo(new[] { low, high }));
            Assert.That(ModbusCrc.IsValid(withCrc), Is.True);
        });
    }

    [Test]
    public void IsValid_OneBitFlipped_IsFalse()
    {
        var frame = ModbusCrc.Append([0x01, 0x03, 0x00, 0x00, 0x00, 0x0A]);
        frame[3] ^= 0x01;

        Assert.That(ModbusCrc.IsValid(frame), Is.False);
    }

    [TestCase(9600, 4.0104)]
    [TestCase(19200, 2.0052)]
    [TestCase(38400, 1.75)]
    [TestCase(115200, 1.75)]
    public void InterFrameSilence_Baud_IsThreeAndAHalfCharacters(int baud, double milliseconds)
    {
        Assert.That(ModbusTiming.InterFrameSilence(baud).TotalMilliseconds, Is.EqualTo(milliseconds).Within(0.001));
    }
}
