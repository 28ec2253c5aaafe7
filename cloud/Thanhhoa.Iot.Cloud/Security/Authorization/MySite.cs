namespace Thanhhoa.Iot.Cloud.Security.Authorization;

/// <summary>One of a technician's sites: which gateway holds it and whether that gateway is online.</summary>
public sealed record MySite(string Code, string? DeviceId, bool Online, DateTimeOffset? LastSeen);
