using Microsoft.AspNetCore.Http.HttpResults;
using Thanhhoa.Iot.Cloud.Security.Authorization;

namespace Thanhhoa.Iot.Cloud.Dashboard;

/// <summary><c>/api/alarms</c>: active alarms, and their acknowledgement (who and when is stored).</summary>
public static class AlarmsApi
{
    private const int MaxText = 200;

    public static IEndpointRouteBuilder MapAlarmsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/alarms").WithTags("Alarms");
        api.MapGet("/", ListAlarms).WithSummary("Active (raised, not cleared) alarms, worst first; site filters one site; format=json|csv.");
        api.MapGet("/export.csv", ExportAlarms).WithSummary("Active alarms as CSV.");
        api.MapPost("/{id}/ack", Acknowledge).RequireAuthorization(ApiPolicies.Operate).WithSummary("Acknowledges an active alarm: body {\"by\": \"operator name\", \"note\": \"optional\"}; the first acknowledgement stands.");
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<ActiveAlarm>>, FileContentHttpResult, ValidationProblem>> ListAlarms(
        string? site, string? format, SiteBoard board, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var csv = ExportFormat.IsCsv(format, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The alarm query is not valid.");
        }

        var alarms = await board.AlarmsAsync(site, ct).ConfigureAwait(false);
        return csv ? CsvExports.Alarms(alarms) : TypedResults.Ok(alarms);
    }

    public static async Task<FileContentHttpResult> ExportAlarms(SiteBoard board, CancellationToken ct) =>
        CsvExports.Alarms(await board.AlarmsAsync(null, ct).ConfigureAwait(false));

    public static async Task<Results<Ok<ActiveAlarm>, ValidationProblem, ProblemHttpResult>> Acknowledge(
        string id, AckRequest? body, SiteBoard board, IAlarmAckStore acks, DashboardFeed feed, TimeProvider time, ILogger<AckRequest> logger, CancellationToken ct)
    {
        var by = body?.By?.Trim();
        if (string.IsNullOrEmpty(by) || by.Length > MaxText || (body?.Note?.Length ?? 0) > MaxText)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["by"] = [$"say who acknowledges: \"by\" must be 1–{MaxText} characters (and \"note\" at most {MaxText})."] },
                title: "The acknowledgement is not valid.");
        }

        var alarm = (await board.AlarmsOfDeviceAsync(id.Split(':')[0], ct).ConfigureAwait(false)).FirstOrDefault(a => a.Id == id);
        if (alarm is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Alarm not active.",
                detail: $"No active alarm '{id}': it may have cleared already; GET /api/alarms lists the active ones.");
        }

        var ack = await acks.AcknowledgeAsync(new AlarmAck(id, by, time.GetUtcNow(), body?.Note), ct).ConfigureAwait(false);
        DashboardLog.Acknowledged(logger, id, ack.By);
        var acked = alarm with { AckedBy = ack.By, AckedAt = ack.At, AckNote = ack.Note };
        feed.Publish("alarms", new { site = alarm.Site, alarms = await board.AlarmsAsync(alarm.Site, ct).ConfigureAwait(false) });
        return TypedResults.Ok(acked);
    }
}
