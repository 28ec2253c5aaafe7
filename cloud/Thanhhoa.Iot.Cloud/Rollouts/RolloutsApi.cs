using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Thanhhoa.Iot.Cloud.Commands;
using ApiPolicies = Thanhhoa.Iot.Cloud.Commands.ApiPolicies;
using Thanhhoa.Iot.Cloud.Security.Authorization;

namespace Thanhhoa.Iot.Cloud.Rollouts;

/// <summary><c>/api/rollouts</c>: firmware and configuration rollouts in waves; progress per wave and per device.</summary>
public static class RolloutsApi
{
    public static IEndpointRouteBuilder MapRolloutsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/rollouts").WithTags("Rollouts");
        var (read, write) = ApiPolicies.ReadsAndWrites(api);
        write.MapPost("/", Create).WithSummary("Start a firmware (artifactId) or configuration (config) rollout over the target devices, in waves.");
        read.MapGet("/", List).WithSummary("Every rollout, newest first.");
        read.MapGet("/{id}", Get).WithSummary("One rollout with its progress per wave (pending, downloading, installed, committed, rolled-back, failed, stalled).");
        read.MapGet("/{id}/devices", Devices).WithSummary("Each device of a rollout: wave, state, download progress, reason; ?state= and ?wave= filter.");
        write.MapPost("/{id}/pause", Pause).WithSummary("Stop starting waves; released devices carry on.");
        write.MapPost("/{id}/resume", Resume).WithSummary("Continue a paused rollout.");
        write.MapPost("/{id}/cancel", Cancel).WithSummary("Stop for good; released firmware devices that have not committed lose their desired firmware.");
        return app;
    }

    public static async Task<Results<Created<RolloutView>, ValidationProblem, ProblemHttpResult>> Create(
        CreateRolloutRequest request, RolloutService rollouts, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await rollouts.CreateAsync(request, user.ActorName(), ct).ConfigureAwait(false);
        return result.View is { } view ? TypedResults.Created($"/api/rollouts/{view.Rollout.Id}", view)
            : result.Status == StatusCodes.Status400BadRequest ? Invalid(result) : Problem(result);
    }

    public static async Task<Ok<IReadOnlyList<Rollout>>> List(RolloutService rollouts, CancellationToken ct) =>
        TypedResults.Ok(await rollouts.ListAsync(ct).ConfigureAwait(false));

    public static async Task<Results<Ok<RolloutView>, ProblemHttpResult>> Get(string id, RolloutService rollouts, CancellationToken ct) =>
        await rollouts.GetAsync(id, ct).ConfigureAwait(false) is { } view ? TypedResults.Ok(view) : NotFound(id);

    public static async Task<Results<Ok<IReadOnlyList<RolloutDevice>>, ValidationProblem, ProblemHttpResult>> Devices(
        string id, string? state, int? wave, RolloutService rollouts, CancellationToken ct)
    {
        RolloutDeviceState? wanted = null;
        if (state is not null)
        {
            if (!TryState(state, out var parsed))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["state"] = [$"'{state}' is not a device state; use one of {string.Join(", ", Enum.GetValues<RolloutDeviceState>().Select(Wire))}."],
                });
            }

            wanted = parsed;
        }

        if (await rollouts.DevicesAsync(id, ct).ConfigureAwait(false) is not { } devices)
        {
            return NotFound(id);
        }

        return TypedResults.Ok<IReadOnlyList<RolloutDevice>>(devices.Where(d => (wanted is null || d.State == wanted) && (wave is null || d.Wave == wave)).ToList());
    }

    public static Task<Results<Ok<RolloutView>, ValidationProblem, ProblemHttpResult>> Pause(string id, RolloutService rollouts, ClaimsPrincipal user, CancellationToken ct) =>
        Answer(rollouts.PauseAsync(id, user.ActorName(), ct));

    public static Task<Results<Ok<RolloutView>, ValidationProblem, ProblemHttpResult>> Resume(string id, RolloutService rollouts, ClaimsPrincipal user, CancellationToken ct) =>
        Answer(rollouts.ResumeAsync(id, user.ActorName(), ct));

    public static Task<Results<Ok<RolloutView>, ValidationProblem, ProblemHttpResult>> Cancel(string id, RolloutService rollouts, ClaimsPrincipal user, CancellationToken ct) =>
        Answer(rollouts.CancelAsync(id, user.ActorName(), ct));

    private static async Task<Results<Ok<RolloutView>, ValidationProblem, ProblemHttpResult>> Answer(Task<RolloutResult> change)
    {
        var result = await change.ConfigureAwait(false);
        return result.View is { } view ? TypedResults.Ok(view) : result.Status == StatusCodes.Status400BadRequest ? Invalid(result) : Problem(result);
    }

    /// <summary>The state's wire name (<c>rolled-back</c>), as the API writes it.</summary>
    private static string Wire(RolloutDeviceState state) => System.Text.Json.JsonSerializer.Serialize(state).Trim('"');

    private static bool TryState(string text, out RolloutDeviceState state)
    {
        foreach (var candidate in Enum.GetValues<RolloutDeviceState>())
        {
            if (string.Equals(Wire(candidate), text, StringComparison.OrdinalIgnoreCase) || string.Equals(candidate.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                state = candidate;
                return true;
            }
        }

        state = default;
        return false;
    }

    private static ValidationProblem Invalid(RolloutResult result) => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { [result.Field ?? "request"] = [result.Detail ?? "invalid"] }, title: "The rollout request is not valid.");

    private static ProblemHttpResult Problem(RolloutResult result) => TypedResults.Problem(
        statusCode: result.Status, title: result.Status == StatusCodes.Status404NotFound ? "No such rollout." : "The rollout cannot do that now.", detail: result.Detail);

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such rollout.", detail: $"There is no rollout '{id}'; GET /api/rollouts lists them.");
}
