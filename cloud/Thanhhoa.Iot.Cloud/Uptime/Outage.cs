namespace Thanhhoa.Iot.Cloud.Uptime;

/// <summary>
/// One outage as the gateway's events tell it (event timestamps, buffered events included). <see cref="End"/> is
/// null while it goes on. <see cref="UnknownSeconds"/> is the part of it the cloud had no contact for: the
/// availability figures count that part as unknown, not as down.
/// </summary>
public sealed record Outage(
    string Site,
    OutageKind Kind,
    DateTimeOffset Start,
    DateTimeOffset? End,
    double DurationSeconds,
    string Cause,
    double UnknownSeconds);
