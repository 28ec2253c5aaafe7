using Microsoft.AspNetCore.Http.HttpResults;
using Thanhhoa.Iot.Cloud.Registry;
using Thanhhoa.Iot.Cloud.Storage;

namespace Thanhhoa.Iot.Cloud.Apis;

/// <summary><c>/api/devices</c>: registry, live state, readings, events and rejects per device.</summary>
public static class DevicesApi
{
    public static IEndpointRouteBuilder MapDevicesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/devices").WithTags("Devices");
        api.MapGet("/", ListDevices).WithSummary("All known devices with their live state.");
        api.MapGet("/{id}", GetDevice).WithSummary("Live state of one device: online, session, last seen, latest value per channel.");
        api.MapGet("/{id}/readings", GetReadings).WithSummary("Readings in a time range, ascending by time (default: last 24 h, 1000 rows).");
        api.MapGet("/{id}/events", GetEvents).WithSummary("Events in a time range, ascending by time.");
        api.MapGet("/{id}/rejects", GetRejects).WithSummary("Refused messages of one device: counts by reason and the latest ones.");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<DeviceState>>> ListDevices(IDeviceRegistry registry, CancellationToken ct) =>
        TypedResults.Ok(await registry.ListAsync(ct).ConfigureAwait(false));

    public static async Task<Results<Ok<DeviceState>, ProblemHttpResult>> GetDevice(string id, IDeviceRegistry registry, CancellationToken ct)
    {
        var state = await registry.GetAsync(id, ct).ConfigureAwait(false);
        return state is null ? NotFound(id) : TypedResults.Ok(state);
    }

    public static async Task<Results<Ok<IReadOnlyList<StoredReading>>, ValidationProblem, ProblemHttpResult>> GetReadings(
        string id, string? channel, string? from, string? to, int? limit,
        IDeviceRegistry registry, ITelemetryStore store, TimeProvider time, CancellationToken ct)
    {
        if (!RangeQuery.TryParse(id, channel, from, to, limit, time.GetUtcNow(), out var query, out var errors))
        {
            return TypedResults.ValidationProblem(errors, title: "The reading query is not valid.");
        }

        if (await registry.GetAsync(id, ct).ConfigureAwait(false) is null)
        {
            return NotFound(id);
        }

        return TypedResults.Ok(await store.QueryReadingsAsync(query, ct).ConfigureAwait(false));
    }

    public static async Task<Results<Ok<IReadOnlyList<StoredEvent>>, ValidationProblem, ProblemHttpResult>> GetEvents(
        string id, string? channel, string? from, string? to, int? limit,
        IDeviceRegistry registry, ITelemetryStore store, TimeProvider time, CancellationToken ct)
    {
        if (!RangeQuery.TryParse(id, channel, from, to, limit, time.GetUtcNow(), out var query, out var errors))
        {
            return TypedResults.ValidationProblem(errors, title: "The event query is not valid.");
        }

        if (await registry.GetAsync(id, ct).ConfigureAwait(false) is null)
        {
            return NotFound(id);
        }

        return TypedResults.Ok(await store.QueryEventsAsync(query, ct).ConfigureAwait(false));
    }

    public static async Task<Ok<RejectReport>> GetRejects(string id, int? limit, IRejectLog rejects, CancellationToken ct) =>
        TypedResults.Ok(await rejects.GetReportAsync(id, RejectsApi.Limit(limit), ct).ConfigureAwait(false));

    private static ProblemHttpResult NotFound(string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Device not found.",
        detail: $"No device '{id}' has connected or published yet; check the id (GET /api/devices lists known devices).");
}
