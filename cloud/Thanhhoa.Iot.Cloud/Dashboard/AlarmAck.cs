namespace Thanhhoa.Iot.Cloud.Dashboard;

/// <summary>Who acknowledged an alarm, when, and what they noted.</summary>
public sealed record AlarmAck(string AlarmId, string By, DateTimeOffset At, string? Note);
