using Thanhhoa.Iot.Edge.Outbox;
using Thanhhoa.Iot.TestSupport.Storage;

namespace Thanhhoa.Iot.Edge.Tests.Outbox;

/// <summary>
/// Outbox storage on a <see cref="SimulatedDisk"/>. Durable: Flush is fsync, as in production.
/// Not durable: Flush only reaches the volatile cache, which is what LiteDB gets from a plain FileStream.
/// </summary>
internal sealed class SimulatedOutboxStorage(SimulatedDisk disk, bool durable = true) : IOutboxStorage
{
    public const string DataFile = "outbox.db";
    public const string LogFile = "outbox-log.db";

    public SimulatedDisk Disk { get; } = disk;

    public string Description => durable ? "simulated disk (fsync)" : "simulated disk (no fsync)";

    public OutboxStreams Open()
    {
        var data = Disk.Open(DataFile);
        var log = Disk.Open(LogFile);
        return durable ? new OutboxStreams(Durable(data), Durable(log)) : new OutboxStreams(data, log);
    }

    private static SyncOnFlushStream Durable(SimulatedDiskStream stream) => new(stream, () => stream.Flush(flushToDisk: true));
}
