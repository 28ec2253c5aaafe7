using System.Diagnostics;

namespace Thanhhoa.Iot.Cloud.Broker;

/// <summary>What a client presented when connecting.</summary>
[DebuggerDisplay("{ClientId} from {Endpoint}")]
public sealed record ConnectAttempt(string ClientId, string? Username, string? Password, string? Endpoint)
{
    // Never print the password (records print every property by default).
    public override string ToString() => $"{ClientId} ({Username ?? "no user"}) from {Endpoint}";
}
