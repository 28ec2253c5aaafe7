using Microsoft.AspNetCore.Http.HttpResults;
using Thanhhoa.Iot.Cloud.Registry;
using Thanhhoa.Iot.Cloud.Storage;

namespace Thanhhoa.Iot.Cloud.LossLedger;

/// <summary><c>GET /api/devices/{id}/loss</c>: which of a device's sequence numbers are lost, and which are missing.</summary>
public static class LossLedgerApi
{
    public static IEndpointRouteBuilder MapLossLedgerApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/devices/{id}/loss", GetLoss).WithTags("Devices")
            .WithSummary("Gaps in the device's sequence numbers: ranges the gateway reported dropped (lost) and ranges absent without a report (missing).");
        return app;
    }

    public static async Task<Results<Ok<LossReport>, ProblemHttpResult>> GetLoss(
        string id, IDeviceRegistry registry, ITelemetryStore store, IControlSequenceStore control, CancellationToken ct)
    {
        if (await registry.GetAsync(id, ct).ConfigureAwait(false) is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Device not found.",
                detail: $"No device '{id}' has connected or published yet; check the id (GET /api/devices lists known devices).");
        }

        var all = new TelemetryQuery(id, null, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, int.MaxValue);
        var readings = await store.QueryReadingsAsync(all, ct).ConfigureAwait(false);
        var events = await store.QueryEventsAsync(all, ct).ConfigureAwait(false);
        var controlSeqs = await control.GetAsync(id, ct).ConfigureAwait(false);
        var seqs = readings.Select(r => r.Seq).Concat(events.Select(e => e.Seq)).Concat(controlSeqs);
        return TypedResults.Ok(LossLedgerCalculator.Calculate(id, seqs, events));
    }
}
