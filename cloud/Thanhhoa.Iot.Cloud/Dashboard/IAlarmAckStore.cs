namespace Thanhhoa.Iot.Cloud.Dashboard;

/// <summary>Alarm acknowledgements: LiteDB for one node (<see cref="LiteAlarmAckStore"/>), PostgreSQL shared by all.</summary>
public interface IAlarmAckStore
{
    /// <summary>The acknowledgements of those of <paramref name="alarmIds"/> that have one.</summary>
    Task<IReadOnlyDictionary<string, AlarmAck>> FindAsync(IReadOnlyCollection<string> alarmIds, CancellationToken cancellationToken);

    /// <summary>Stores the acknowledgement; the first one of an alarm stands (a second is answered with the first).</summary>
    Task<AlarmAck> AcknowledgeAsync(AlarmAck ack, CancellationToken cancellationToken);
}
