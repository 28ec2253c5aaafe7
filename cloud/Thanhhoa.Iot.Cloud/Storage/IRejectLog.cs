namespace Thanhhoa.Iot.Cloud.Storage;

/// <summary>
/// Counts refused messages per device and reason and keeps a bounded list of the latest ones,
/// so an operator can see which gateway sends what wrong, and where in the payload.
/// </summary>
public interface IRejectLog
{
    Task RecordAsync(RejectRecord reject, CancellationToken cancellationToken);

    /// <summary>Counts and recent rejects, for all devices or for one.</summary>
    Task<RejectReport> GetReportAsync(string? deviceId, int recentLimit, CancellationToken cancellationToken);
}
