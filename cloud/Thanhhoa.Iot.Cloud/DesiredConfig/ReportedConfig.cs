using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.DesiredConfig;

/// <summary>What a gateway last reported on up/config-reported.</summary>
/// <param name="Version">The desired revision the report answers.</param>
/// <param name="Status">Applied or refused.</param>
/// <param name="AppliedVersion">The revision in force on the gateway; null while only its site profile is.</param>
/// <param name="Field">Refused: the first offending field.</param>
/// <param name="Reason">Refused: why.</param>
/// <param name="At">When the gateway decided (its clock).</param>
/// <param name="ReceivedAt">When the report reached the cloud.</param>
public sealed record ReportedConfig(long Version, ConfigReportStatus Status, long? AppliedVersion, string? Field, string? Reason, DateTimeOffset At, DateTimeOffset ReceivedAt);
