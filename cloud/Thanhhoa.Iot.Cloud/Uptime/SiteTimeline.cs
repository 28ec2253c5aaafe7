namespace Thanhhoa.Iot.Cloud.Uptime;

/// <summary>A site's intervals over <c>[From, To)</c> (contiguous, adjacent ones differ) and the outages in that range.</summary>
public sealed record SiteTimeline(
    string Site,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<PowerInterval> Intervals,
    IReadOnlyList<Outage> Outages);
