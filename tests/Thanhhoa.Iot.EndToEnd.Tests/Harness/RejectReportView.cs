namespace Thanhhoa.Iot.EndToEnd.Tests.Harness;

public sealed record RejectReportView(long Total, IReadOnlyList<RejectCountView> Counts, IReadOnlyList<RejectRecordView> Recent);
