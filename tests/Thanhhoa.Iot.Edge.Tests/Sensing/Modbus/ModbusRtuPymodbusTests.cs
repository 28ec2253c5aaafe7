using NUnit.Framework;
using Thanhhoa.Iot.Edge.Sensing.Modbus;
using Thanhhoa.Iot.Edge.Sensing.Profiles;
using Thanhhoa.Iot.TestSupport;
using Thanhhoa.Iot.TestSupport.Modbus;
using Thanhhoa.Iot.TestSupport.Serial;

namespace Thanhhoa.Iot.Edge.Tests.Sensing.Modbus;

/// <summary>Our RTU master on one end of a socat pty pair, a pymodbus 3.0 slave holding a meter's registers on the other.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class ModbusRtuPymodbusTests
{
    private const byte Slave = 1;

    private static readonly Dictionary<int, float> Meter = new()
    {
        [0x0000] = 230.5f, [0x0006] = 4.25f, [0x000C] = 977.5f, [0x0046] = 49.98f, [0x0048] = 1234.5f,
    };

    private TempDirectory _dir = null!;
    private SocatPtyPair _line = null!;
    private SerialPortTransport _transport = null!;
    private ModbusRtuMaster _master = null!;

    [SetUp]
    public async Task StartLine()
    {
        PymodbusServer.RequireAvailable();
        _dir = new TempDirectory("thiot-modbus");
        _line = await SocatPtyPair.StartAsync(_dir.Path);
        _transport = new SerialPortTransport(_line.PathB, 9600);
        var options = new ModbusMasterOptions { Timeout = TimeSpan.FromMilliseconds(300), Retries = 1 };
        _master = new ModbusRtuMaster(_transport, options, TimeProvider.System);
    }

    [TearDown]
    public async Task StopLine()
    {
        _master?.Dispose();
        _transport?.Dispose();
        if (_line is not null)
        {
            await _line.DisposeAsync();
        }

        _dir?.Dispose();
    }

    [Test]
    public async Task ReadAsync_EastronMapOnPymodbus_DecodesServerValues()
    {
        await using var server = await PymodbusServer.StartAsync(_line.PathA, Slave, Meter);
        var map = RegisterMap.EastronSdm;
        var spec = new ChannelSpec("meter", "x", TimeSpan.FromSeconds(1));

        var values = new Dictionary<string, double>();
        foreach (var entry in map.Entries.Values)
        {
            var channel = new ModbusChannel(spec, _master, Slave, map, entry, TimeProvider.System);
            values[entry.Name] = (await channel.ReadAsync(CancellationToken.None)).Value;
        }

        Assert.That(values, Is.EqualTo(new Dictionary<string, double>
        {
            ["voltage"] = 230.5f, ["current"] = 4.25f, ["activePower"] = 977.5f, ["frequency"] = 49.98f, ["importActiveEnergy"] = 1234.5f,
        }), server.Log);
    }

    [Test]
    public async Task WriteRegisters_ThenReadHolding_RoundTrips()
    {
        await using var server = await PymodbusServer.StartAsync(_line.PathA, Slave, Meter);

        await _master.WriteSingleRegisterAsync(Slave, 0x0002, 0xBEEF, CancellationToken.None);
        await _master.WriteMultipleRegistersAsync(Slave, 0x0010, [1, 2, 3, 0xFFFF], CancellationToken.None);
        var single = await _master.ReadHoldingRegistersAsync(Slave, 0x0002, 1, CancellationToken.None);
        var multiple = await _master.ReadHoldingRegistersAsync(Slave, 0x0010, 4, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(single, Is.EqualTo(new ushort[] { 0xBEEF }));
            Assert.That(multiple, Is.EqualTo(new ushort[] { 1, 2, 3, 0xFFFF }));
        });
    }

    [Test]
    public async Task ReadInputRegisters_ServerStoppedThenRestarted_TimesOutClearlyThenRecoversByItself()
    {
        var server = await PymodbusServer.StartAsync(_line.PathA, Slave, Meter);
        var before = await _master.ReadInputRegistersAsync(Slave, 0x0000, 2, CancellationToken.None);
        await server.DisposeAsync();

        var timeout = Assert.ThrowsAsync<ModbusTimeoutException>(() => _master.ReadInputRegistersAsync(Slave, 0x0000, 2, CancellationToken.None));

        await using var restarted = await PymodbusServer.StartAsync(_line.PathA, Slave, Meter);
        var after = await _master.ReadInputRegistersAsync(Slave, 0x0000, 2, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(timeout!.Message, Does.Contain("slave 1").And.Contain(_line.PathB).And.Contain("no valid answer").And.Contain("2 attempts").And.Contain("check"));
            Assert.That(after, Is.EqualTo(before));
        });
    }

    [Test]
    public async Task ReadInputRegisters_IllegalAddress_ThrowsModbusExceptionNamingCode()
    {
        await using var server = await PymodbusServer.StartAsync(_line.PathA, Slave, Meter);

        var error = Assert.ThrowsAsync<ModbusException>(() => _master.ReadInputRegistersAsync(Slave, 0x0060, 2, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(ModbusExceptionCode.IllegalDataAddress));
            Assert.That(error.Function, Is.EqualTo(ModbusFunction.ReadInputRegisters));
            Assert.That(error.CodeName, Is.EqualTo("illegal data address"));
            Assert.That(error.Message, Does.Contain("slave 1").And.Contain("0x0060").And.Contain("illegal data address"));
        });
    }
}
