namespace Thanhhoa.Iot.Cloud.Uptime;

/// <summary>
/// One interval of a site's timeline, <c>[Start, End)</c>. <paramref name="Cause"/> is the event code that put
/// the site in this state (e.g. <c>mains_fail</c>), null on mains and for unknown intervals.
/// </summary>
public sealed record PowerInterval(DateTimeOffset Start, DateTimeOffset End, PowerState State, string? Cause)
{
    public TimeSpan Duration => End - Start;
}
