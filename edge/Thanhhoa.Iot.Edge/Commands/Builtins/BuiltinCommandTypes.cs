namespace Thanhhoa.Iot.Edge.Commands.Builtins;

/// <summary>The command types every gateway knows.</summary>
public static class BuiltinCommandTypes
{
    public const string Ping = "ping";
    public const string ReadNow = "read-now";
    public const string SetOutput = "set-output";
    public const string RestartService = "restart-service";
    public const string Reboot = "reboot";
    public const string GetConfig = "get-config";
    public const string UploadLogs = "upload-logs";
}
