namespace Thanhhoa.Iot.Cloud.Hosting;

internal static partial class HostingLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information,
        Message = "Thanhhoa.Iot cloud ready: API {Url}/api/devices, OpenAPI {Url}/openapi/v1.json, health {Url}/healthz, metrics {Url}/metrics; {Broker}; data in {DataDirectory}")]
    public static partial void Ready(ILogger logger, string url, string broker, string dataDirectory);
}
