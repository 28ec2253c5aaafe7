using NUnit.Framework;
using Thanhhoa.Iot.Edge.Sensing.Modbus;

namespace Thanhhoa.Iot.Edge.Tests.Sensing.Modbus;

[TestFixture]
[Category("Unit")]
public sealed class RegisterDecoderTests
{
    // 230.5f = 0x43668000
    [TestCase(ByteOrder.BigEndian, WordOrder.HighFirst, (ushort)0x4366, (ushort)0x8000)]
    [TestCase(ByteOrder.BigEndian, WordOrder.LowFirst, (ushort)0x8000, (ushort)0x4366)]
    [TestCase(ByteOrder.LittleEndian, WordOrder.HighFirst, (ushort)0x6643, (ushort)0x0080)]
    [TestCase(ByteOrder.LittleEndian, WordOrder.LowFirst, (ushort)0x0080, (ushort)0x6643)]
    public void Decode_Float32InEachOrder_Gives230Point5(ByteOrder bytes, WordOrder words, ushort first, ushort second)
    {
        Assert.Multiple(() =>
        {
            Assert.That(RegisterDecoder.Decode([first, second], RegisterDataType.Float32, bytes, words), Is.EqualTo(230.5));
            Assert.That(RegisterDecoder.EncodeFloat32(230.5f, bytes, words), Is.EqualTo(new[] { first, second }));
        });
    }

    [Test]
    public void Decode_IntegerTypes_HonourSignAndWordOrder()
    {
        Assert.Multiple(() =>
        {
            Assert.That(RegisterDecoder.Decode([0xFFFE], RegisterDataType.Int16, ByteOrder.BigEndian, WordOrder.HighFirst), Is.EqualTo(-2));
            Assert.That(RegisterDecoder.Decode([0xFFFE], RegisterDataType.UInt16, ByteOrder.BigEndian, WordOrder.HighFirst), Is.EqualTo(65534));
            Assert.That(RegisterDecoder.Decode([0x0001, 0x0002], RegisterDataType.UInt32, ByteOrder.BigEndian, WordOrder.HighFirst), Is.EqualTo(65538));
            Assert.That(RegisterDecoder.Decode([0x0002, 0x0001], RegisterDataType.UInt32, ByteOrder.BigEndian, WordOrder.LowFirst), Is.EqualTo(65538));
            Assert.That(RegisterDecoder.Decode([0xFFFF, 0xFFFF], RegisterDataType.Int32, ByteOrder.BigEndian, WordOrder.HighFirst), Is.EqualTo(-1));
        });
    }

    [Test]
    public void EastronSdm_Map_HasTheDatasheetAddresses()
    {
        var entries = RegisterMap.EastronSdm.Entries;

        Assert.That(entries.Values.Select(e => (e.Name, e.Address, e.Table, e.Type)), Is.EqualTo(new[]
        {
            ("voltage", (ushort)0x0000, RegisterTable.Input, RegisterDataType.Float32),
            ("current", (ushort)0x0006, RegisterTable.Input, RegisterDataType.Float32),
            ("activePower", (ushort)0x000C, RegisterTable.Input, RegisterDataType.Float32),
            ("frequency", (ushort)0x0046, RegisterTable.Input, RegisterDataType.Float32),
            ("importActiveEnergy", (ushort)0x0048, RegisterTable.Input, RegisterDataType.Float32),
        }));
    }
}
