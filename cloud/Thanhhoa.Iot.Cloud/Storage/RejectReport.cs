namespace Thanhhoa.Iot.Cloud.Storage;

/// <summary>Reject counts per device and reason, and the most recent rejects (newest first).</summary>
public sealed record RejectReport(long Total, IReadOnlyList<RejectCount> Counts, IReadOnlyList<RejectRecord> Recent);
