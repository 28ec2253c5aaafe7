using NUnit.Framework;
using Thanhhoa.Iot.Edge.Sensing.Fakes;
using Thanhhoa.Iot.Edge.Sensing.Modbus;

namespace Thanhhoa.Iot.Edge.Tests.Sensing.Modbus;

/// <summary>Framing, retries and error mapping of the master against in-memory byte streams.</summary>
[TestFixture]
[Category("Unit")]
public sealed class ModbusRtuMasterTests
{
    private SimulatedModbusLine _line = null!;
    private ModbusRtuMaster _master = null!;

    [SetUp]
    public void CreateLine()
    {
        _line = new SimulatedModbusLine("mem0", 115_200);
        _line.Slave(1).SetMeter(231.25, 3.5, 800, 50, 42);
        _master = new ModbusRtuMaster(_line, new ModbusMasterOptions { Timeout = TimeSpan.FromMilliseconds(60), Retries = 2 }, TimeProvider.System);
    }

    [TearDown]
    public void Dispose()
    {
        _master.Dispose();
        _line.Dispose();
    }

    [Test]
    public async Task ReadInputRegisters_CorruptedAnswer_IsDiscardedAndRetried()
    {
        _line.CorruptNextAnswers(1);

        var registers = await _master.ReadInputRegistersAsync(1, 0x0000, 2, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(RegisterDecoder.Decode(registers, RegisterDataType.Float32, ByteOrder.BigEndian, WordOrder.HighFirst), Is.EqualTo(231.25));
            Assert.That(_line.RequestCount, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task ReadInputRegisters_AnswerFromAnotherSlave_IsDiscardedAndRetried()
    {
        _line.AnswerNextAsSlave(7);

        var registers = await _master.ReadInputRegistersAsync(1, 0x0006, 2, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(RegisterDecoder.Decode(registers, RegisterDataType.Float32, ByteOrder.BigEndian, WordOrder.HighFirst), Is.EqualTo(3.5));
            Assert.That(_line.RequestCount, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task ReadInputRegisters_SilentThenAnswering_TimesOutAfterAllAttemptsThenRecovers()
    {
        _line.Silent = true;
        var error = Assert.ThrowsAsync<ModbusTimeoutException>(() => _master.ReadInputRegistersAsync(1, 0x0000, 2, CancellationToken.None));
        var attempts = _line.RequestCount;
        _line.Silent = false;

        var registers = await _master.ReadInputRegistersAsync(1, 0x0000, 2, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(attempts, Is.EqualTo(3));
            Assert.That(error!.Message, Does.Contain("slave 1 on mem0").And.Contain("function 04 (read input registers)").And.Contain("3 attempts"));
            Assert.That(registers, Has.Length.EqualTo(2));
        });
    }

    [Test]
    public void ReadInputRegisters_BeyondTheTable_ThrowsIllegalDataAddressWithoutRetry()
    {
        var error = Assert.ThrowsAsync<ModbusException>(() => _master.ReadInputRegistersAsync(1, 0x00FF, 2, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(ModbusExceptionCode.IllegalDataAddress));
            Assert.That(error.Slave, Is.EqualTo(1));
            Assert.That(error.Message, Does.Contain("exception 02 (illegal data address)"));
            Assert.That(_line.RequestCount, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task WriteMultipleRegisters_ThenReadHolding_RoundTrips()
    {
        await _master.WriteMultipleRegistersAsync(1, 0x0020, [10, 20, 30], CancellationToken.None);
        await _master.WriteSingleRegisterAsync(1, 0x0021, 99, CancellationToken.None);

        var registers = await _master.ReadHoldingRegistersAsync(1, 0x0020, 3, CancellationToken.None);

        Assert.That(registers, Is.EqualTo(new ushort[] { 10, 99, 30 }));
    }
}
