using Thanhhoa.Iot.Cloud.Storage;
using Thanhhoa.Iot.Cloud.Uptime;

namespace Thanhhoa.Iot.Cloud.Sites;

/// <summary>One demo gateway's made-up past: the site it serves, its alarm events and its link changes (with session numbers).</summary>
public sealed record DemoGatewayHistory(
    string DeviceId,
    string Site,
    IReadOnlyList<StoredEvent> Events,
    IReadOnlyList<(LinkChange Change, long Session)> Links);
