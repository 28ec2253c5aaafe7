namespace Thanhhoa.Iot.Cloud.LossLedger;

/// <summary>
/// What the cloud knows it does not have of one device's sequence numbers 1..<see cref="HighestSeq"/>.
/// </summary>
/// <param name="DeviceId">The device.</param>
/// <param name="HighestSeq">Highest sequence number stored (reading or event); 0 when none.</param>
/// <param name="Stored">Distinct sequence numbers stored.</param>
/// <param name="Lost">Absent and reported dropped by the gateway (event <c>outbox_dropped</c>): gone for good.</param>
/// <param name="Missing">Absent and not reported: still in flight, or lost for a reason nobody reported.</param>
public sealed record LossReport(string DeviceId, long HighestSeq, long Stored, IReadOnlyList<LossRange> Lost, IReadOnlyList<LossRange> Missing)
{
    /// <summary>Sequence numbers in <see cref="Lost"/>.</summary>
    public long LostCount => Lost.Sum(r => r.Count);

    /// <summary>Sequence numbers in <see cref="Missing"/>.</summary>
    public long MissingCount => Missing.Sum(r => r.Count);

    /// <summary>
    /// Absent as raw readings and reported replaced by aggregates (event <c>outbox_downsampled</c>): the
    /// information survives as min/max/avg/count rows (channels <c>{channel}--min</c> etc.) of the same period.
    /// </summary>
    public IReadOnlyList<LossRange> Downsampled { get; init; } = [];

    /// <summary>Sequence numbers in <see cref="Downsampled"/>.</summary>
    public long DownsampledCount => Downsampled.Sum(r => r.Count);
}
