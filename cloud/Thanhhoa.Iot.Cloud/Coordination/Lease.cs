namespace Thanhhoa.Iot.Cloud.Coordination;

/// <summary>Who holds a lease and until when.</summary>
public sealed record Lease(string Name, string Holder, DateTimeOffset ExpiresAt);
