namespace Thanhhoa.Iot.Cloud.Commands;

/// <summary>A filter over commands: by device, status and creation time; newest first.</summary>
public sealed record CommandQuery(string? DeviceId, CommandState? Status, DateTimeOffset? From, DateTimeOffset? To, int Limit, string? BatchId = null);
