namespace Thanhhoa.Iot.Cloud.LossLedger;

/// <summary>
/// Sequence numbers of control messages (command results, configuration reports) the cloud received: they
/// share the gateway's sequence space with readings and events, so the loss ledger counts them as received.
/// </summary>
public interface IControlSequenceStore
{
    /// <summary>Records that <paramref name="seq"/> of <paramref name="deviceId"/> arrived; a repeat changes nothing.</summary>
    Task RecordAsync(string deviceId, long seq, CancellationToken cancellationToken);

    /// <summary>Every control sequence number received from the device.</summary>
    Task<IReadOnlyList<long>> GetAsync(string deviceId, CancellationToken cancellationToken);
}
