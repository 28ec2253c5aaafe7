using Thanhhoa.Iot.Cloud.Registry;
using Thanhhoa.Iot.Cloud.Storage;

namespace Thanhhoa.Iot.Cloud.Tests.Storage;

/// <summary>The stores of one open database, and how to close it.</summary>
public sealed record StoreSession(ITelemetryStore Telemetry, IDeviceRegistry Registry, IRejectLog Rejects, Func<ValueTask> Close) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Close();
}
