using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Cloud.Dashboard;

/// <summary>
/// An alarm raised and not yet cleared. <see cref="Id"/> is <c>device:code:sequence-of-the-raise</c>, so an
/// acknowledgement belongs to one raise: a new raise of the same condition needs a new acknowledgement.
/// </summary>
public sealed record ActiveAlarm(
    string Id,
    string Site,
    string SiteName,
    string DistrictCode,
    string DeviceId,
    string Code,
    Severity Severity,
    DateTimeOffset RaisedAt,
    string? Message,
    IReadOnlyDictionary<string, double>? Values,
    string? AckedBy,
    DateTimeOffset? AckedAt,
    string? AckNote);
