namespace Thanhhoa.Iot.Cloud.Rollouts;

/// <summary>What a rollout request did: the rollout, or an HTTP status with the field and a message naming the problem.</summary>
public sealed record RolloutResult(RolloutView? View, int Status = StatusCodes.Status200OK, string? Field = null, string? Detail = null)
{
    public static RolloutResult Invalid(string field, string detail) => new(null, StatusCodes.Status400BadRequest, field, detail);

    public static RolloutResult NotFound(string id) =>
        new(null, StatusCodes.Status404NotFound, "id", $"There is no rollout '{id}'; GET /api/rollouts lists them.");

    public static RolloutResult Conflict(string detail) => new(null, StatusCodes.Status409Conflict, null, detail);
}
