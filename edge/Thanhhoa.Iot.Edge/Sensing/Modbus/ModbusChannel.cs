using Thanhhoa.Iot.Edge.Sensing.Profiles;

namespace Thanhhoa.Iot.Edge.Sensing.Modbus;

/// <summary>A Modbus channel: one register map entry of one slave on one line.</summary>
public sealed class ModbusChannel : ISensorChannel
{
    private readonly ModbusRtuMaster _master;
    private readonly byte _slave;
    private readonly RegisterMap _map;
    private readonly RegisterMapEntry _entry;
    private readonly TimeProvider _time;

    public ModbusChannel(ChannelSpec spec, ModbusRtuMaster master, byte slave, RegisterMap map, RegisterMapEntry entry, TimeProvider time)
    {
        Id = spec.Id;
        Unit = spec.Unit;
        PollInterval = spec.PollInterval;
        _master = master;
        _slave = slave;
        _map = map;
        _entry = entry;
        _time = time;
    }

    public string Id { get; }

    public string Unit { get; }

    public TimeSpan PollInterval { get; }

    public async ValueTask<SensorReading> ReadAsync(CancellationToken cancellationToken)
    {
        var registers = _entry.Table == RegisterTable.Input
            ? await _master.ReadInputRegistersAsync(_slave, _entry.Address, _entry.RegisterCount, cancellationToken).ConfigureAwait(false)
            : await _master.ReadHoldingRegistersAsync(_slave, _entry.Address, _entry.RegisterCount, cancellationToken).ConfigureAwait(false);
        var value = RegisterDecoder.Decode(registers, _entry.Type, _map.ByteOrder, _map.WordOrder) * _entry.Scale;
        return new SensorReading(Id, _time.GetUtcNow(), value, Contracts.Messages.Quality.Good);
    }
}
