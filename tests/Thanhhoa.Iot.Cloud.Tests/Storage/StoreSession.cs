using Thanhhoa.Iot.Cloud.LossLedger;
using Thanhhoa.Iot.Cloud.Registry;
using Thanhhoa.Iot.Cloud.Storage;

namespace Thanhhoa.Iot.Cloud.Tests.Storage;

/// <summary>The stores of one open database, and how to close it (the readings writer, if the store has one, is closed first).</summary>
public sealed record StoreSession(
    ITelemetryStore Telemetry, IDeviceRegistry Registry, IRejectLog Rejects, Func<ValueTask> Close, IReadingsWriter? Writer = null, IControlSequenceStore? Control = null)
    : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        if (Writer is IAsyncDisposable writer)
        {
            await writer.DisposeAsync();
        }

        await Close();
    }
}
