using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Thanhhoa.Iot.Contracts;

namespace Thanhhoa.Iot.Cloud.Commands;

/// <summary><c>/api/commands</c>: send commands to gateways, follow and cancel them.</summary>
public static class CommandsApi
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 10_000;

    public static IEndpointRouteBuilder MapCommandsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/commands").WithTags("Commands").RequireAuthorization(ApiPolicies.Operator);
        api.MapPost("/", Create).WithSummary("Send a command to one gateway, a list of gateways or every known gateway of a site; one command per gateway, with a required expiry.");
        api.MapGet("/", List).WithSummary("Commands newest first, by device, status (Pending, Delivered, Succeeded, Failed, Expired, Cancelled), batch and creation time.");
        api.MapGet("/stats", Stats).WithSummary("How many commands are in each state (none should stay Pending past its expiry).");
        api.MapGet("/{id}", Get).WithSummary("One command: its lifecycle timestamps and the gateway's result or error.");
        api.MapPost("/{id}/cancel", Cancel).WithSummary("Cancel a command that is still pending (not yet acknowledged by the gateway).");
        return app;
    }

    public static async Task<Results<Created<CreatedCommands>, ValidationProblem>> Create(CreateCommandRequest request, CommandService commands, CancellationToken ct)
    {
        var (created, errors) = await commands.CreateAsync(request, ct).ConfigureAwait(false);
        return created is null
            ? TypedResults.ValidationProblem(errors!, title: "The command request is not valid.")
            : TypedResults.Created($"/api/commands?batchId={created.BatchId}", created);
    }

    public static async Task<Results<Ok<IReadOnlyList<CommandRecord>>, ValidationProblem>> List(
        string? deviceId, string? status, string? batchId, string? from, string? to, int? limit, CommandService commands, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (deviceId is not null && !ContractInfo.IsValidId(deviceId))
        {
            errors["deviceId"] = [$"'{deviceId}' is not a device id: use 1–{ContractInfo.MaxIdLength} of a-z, 0-9, '_' or '-'."];
        }

        CommandState? state = null;
        if (status is not null)
        {
            if (Enum.TryParse<CommandState>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            {
                state = parsed;
            }
            else
            {
                errors["status"] = [$"'{status}' is not a status; use one of {string.Join(", ", Enum.GetNames<CommandState>())}."];
            }
        }

        var fromTime = Time("from", from, errors);
        var toTime = Time("to", to, errors);
        var take = limit ?? DefaultLimit;
        if (take is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"limit {take} is out of range; use 1–{MaxLimit}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The command query is not valid.");
        }

        return TypedResults.Ok(await commands.QueryAsync(new CommandQuery(deviceId, state, fromTime, toTime, take, batchId), ct).ConfigureAwait(false));
    }

    public static async Task<Ok<IReadOnlyDictionary<CommandState, int>>> Stats(ICommandStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.CountByStateAsync(ct).ConfigureAwait(false));

    public static async Task<Results<Ok<CommandRecord>, ProblemHttpResult>> Get(string id, CommandService commands, CancellationToken ct) =>
        await commands.GetAsync(id, ct).ConfigureAwait(false) is { } command ? TypedResults.Ok(command) : NotFound(id);

    public static async Task<Results<Ok<CommandRecord>, ProblemHttpResult>> Cancel(string id, CommandService commands, CancellationToken ct)
    {
        var (outcome, command) = await commands.CancelAsync(id, ct).ConfigureAwait(false);
        return outcome switch
        {
            CancelOutcome.Cancelled => TypedResults.Ok(command!),
            CancelOutcome.NotFound => NotFound(id),
            _ => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The command can no longer be cancelled.",
                detail: command!.Status == CommandState.Delivered
                    ? $"Command '{id}' was delivered to {command.DeviceId} at {command.DeliveredAt:o} and may be running; it cannot be recalled. Send a command that undoes it if needed."
                    : $"Command '{id}' is already {command.Status}."),
        };
    }

    private static DateTimeOffset? Time(string name, string? text, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            return value.ToUniversalTime();
        }

        errors[name] = [$"{name} '{text}' is not a time; use RFC 3339, e.g. 2026-11-26T11:00:00Z."];
        return null;
    }

    private static ProblemHttpResult NotFound(string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Command not found.",
        detail: $"No command '{id}'; GET /api/commands lists them.");
}
