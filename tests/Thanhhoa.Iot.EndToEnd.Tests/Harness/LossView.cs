namespace Thanhhoa.Iot.EndToEnd.Tests.Harness;

/// <summary>GET /api/devices/{id}/loss as the test reads it.</summary>
public sealed record LossView(string DeviceId, long HighestSeq, long Stored, IReadOnlyList<LossRangeView> Lost, IReadOnlyList<LossRangeView> Missing)
{
    /// <summary>Ranges replaced by aggregates (absent as raw readings, summarised).</summary>
    public IReadOnlyList<LossRangeView> Downsampled { get; init; } = [];
}
