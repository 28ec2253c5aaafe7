using Thanhhoa.Iot.Contracts.Messages;

namespace Thanhhoa.Iot.Edge.Configuration;

/// <summary>The desired configuration in force, published whole so readers never see half of one.</summary>
/// <param name="Document">The applied document; null while only the site profile is in force.</param>
/// <param name="AppliedAt">When it was applied (or restored at start).</param>
public sealed record AppliedConfig(DesiredConfigMessage? Document, DateTimeOffset? AppliedAt)
{
    public static AppliedConfig ProfileOnly { get; } = new(null, null);

    /// <summary>The applied revision; null while only the site profile is in force.</summary>
    public long? Version => Document?.ConfigVersion;

    public ChannelSettings? Channel(string id) =>
        Document?.Settings.Channels is { } channels && channels.TryGetValue(id, out var settings) ? settings : null;
}
