namespace Thanhhoa.Iot.Edge.Sensing.Profiles;

/// <summary>What every channel shares, parsed from its profile entry.</summary>
public sealed record ChannelSpec(string Id, string Unit, TimeSpan PollInterval);
