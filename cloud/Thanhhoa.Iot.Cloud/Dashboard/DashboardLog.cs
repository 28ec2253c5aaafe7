namespace Thanhhoa.Iot.Cloud.Dashboard;

internal static partial class DashboardLog
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Error,
        Message = "The dashboard could not take in what ingest stored for device {DeviceId} ({What}); the data is stored, the live view of that site may lag until its next message")]
    public static partial void ListenerFailed(ILogger logger, Exception error, string deviceId, string what);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning,
        Message = "Could not record the link change of device {DeviceId} in the uptime ledger; its timeline may show the wrong contact state around {At}")]
    public static partial void LinkHistoryFailed(ILogger logger, Exception error, string deviceId, DateTimeOffset at);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Information,
        Message = "Alarm {AlarmId} acknowledged by {By}")]
    public static partial void Acknowledged(ILogger logger, string alarmId, string by);
}
