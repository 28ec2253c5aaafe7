using Microsoft.AspNetCore.Http.HttpResults;
using Thanhhoa.Iot.Cloud.Registry;
using Thanhhoa.Iot.Cloud.Storage;

namespace Thanhhoa.Iot.Cloud.DataBudget;

/// <summary><c>GET /api/devices/{id}/budget</c>: the gateway's data usage and what is left of its daily and monthly budget.</summary>
public static class DataBudgetApi
{
    /// <summary>The event code a gateway reports its budget with.</summary>
    public const string EventCode = "data_budget";

    private static readonly string[] Levels = ["normal", "thrifty", "sparse", "aggregated", "exhausted"];

    public static IEndpointRouteBuilder MapDataBudgetApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/devices/{id}/budget", GetBudget).WithTags("Devices")
            .WithSummary("The gateway's data budget as last reported: bytes used today and this month, limits, remaining, and the saving level.");
        return app;
    }

    public static async Task<Results<Ok<DeviceBudget>, ProblemHttpResult>> GetBudget(
        string id, IDeviceRegistry registry, ITelemetryStore store, TimeProvider time, CancellationToken ct)
    {
        if (await registry.GetAsync(id, ct).ConfigureAwait(false) is null)
        {
            return NotFound($"No device '{id}' has connected or published yet; check the id (GET /api/devices lists known devices).");
        }

        // A report comes at least daily; the last 40 days always hold the latest one of a reporting gateway.
        var now = time.GetUtcNow();
        var events = await store.QueryEventsAsync(new TelemetryQuery(id, null, now.AddDays(-40), now.AddDays(1), int.MaxValue), ct).ConfigureAwait(false);
        var last = events.LastOrDefault(e => e.Code == EventCode && e.Values is not null);
        return last is null
            ? NotFound($"Device '{id}' has not reported a data budget in the last 40 days; set Budget:DailyBytes or Budget:MonthlyBytes on the gateway to turn it on.")
            : TypedResults.Ok(ToBudget(id, last));
    }

    private static DeviceBudget ToBudget(string id, StoredEvent e)
    {
        var v = e.Values!;
        long Value(string key) => v.TryGetValue(key, out var x) && double.IsFinite(x) ? (long)x : 0;
        long? Remaining(string key) => Value(key) < 0 ? null : Value(key);
        var level = (int)Math.Clamp(Value("level"), 0, Levels.Length - 1);
        return new DeviceBudget(id, e.Timestamp, Levels[level], Value("used_today"), Value("daily_bytes"), Remaining("remaining_today"),
            Value("used_month"), Value("monthly_bytes"), Remaining("remaining_month"));
    }

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Data budget not found.", detail: detail);
}
