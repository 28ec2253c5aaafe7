namespace Thanhhoa.Iot.Cloud.Storage;

/// <summary>
/// One refused message. <paramref name="Reason"/> is a <see cref="Thanhhoa.Iot.Contracts.Codec.RejectReason"/> name;
/// <paramref name="Field"/> is the JSON path of the offending field (<c>$</c> for the whole message).
/// </summary>
public sealed record RejectRecord(
    string DeviceId,
    string Reason,
    string Field,
    string Detail,
    string Topic,
    DateTimeOffset At);
