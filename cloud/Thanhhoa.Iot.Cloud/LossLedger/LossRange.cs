namespace Thanhhoa.Iot.Cloud.LossLedger;

/// <summary>Consecutive sequence numbers of one device, both ends inclusive.</summary>
public sealed record LossRange(long From, long To)
{
    /// <summary>Sequence numbers in the range.</summary>
    public long Count => To - From + 1;
}
