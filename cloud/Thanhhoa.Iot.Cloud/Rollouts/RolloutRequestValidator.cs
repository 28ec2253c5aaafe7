using Thanhhoa.Iot.Contracts.Codec;

namespace Thanhhoa.Iot.Cloud.Rollouts;

/// <summary>Checks a rollout request's rules before anything is stored; each refusal names the field, the value and the fix.</summary>
internal static class RolloutRequestValidator
{
    public static readonly IReadOnlyList<int> DefaultWaves = [1, 10, 50, 100];

    public static RolloutResult? Check(CreateRolloutRequest request)
    {
        var waves = request.Waves ?? DefaultWaves;
        if (waves.Count == 0 || waves[^1] != 100 || waves.Any(w => w is < 1 or > 100) || waves.Zip(waves.Skip(1)).Any(p => p.First >= p.Second))
        {
            return RolloutResult.Invalid("waves", $"waves [{string.Join(",", waves)}] are not cumulative percentages: use ascending values from 1 to 100 that end at 100, e.g. [1,10,50,100].");
        }

        if (request.MinSuccessPercent is < 0 or > 100 || request.ErrorThresholdPercent is < 0 or > 100)
        {
            return RolloutResult.Invalid("minSuccessPercent", $"minSuccessPercent {request.MinSuccessPercent} and errorThresholdPercent {request.ErrorThresholdPercent} must be between 0 and 100.");
        }

        if (request.StallAfter is { } stall && stall < TimeSpan.FromSeconds(1))
        {
            return RolloutResult.Invalid("stallAfter", $"stallAfter {stall} is too short; use at least 00:00:01, e.g. 01:00:00.");
        }

        if (request.MaintenanceWindow?.Problem() is { } window)
        {
            return RolloutResult.Invalid("maintenanceWindow", window);
        }

        return request.Kind == RolloutKind.Firmware ? CheckFirmware(request) : CheckConfig(request);
    }

    private static RolloutResult? CheckFirmware(CreateRolloutRequest request) =>
        string.IsNullOrWhiteSpace(request.ArtifactId)
            ? RolloutResult.Invalid("artifactId", "a firmware rollout needs artifactId: upload the bundle with POST /api/artifacts and use the id it returns.")
            : null;

    private static RolloutResult? CheckConfig(CreateRolloutRequest request)
    {
        if (request.Config is null)
        {
            return RolloutResult.Invalid("config", "a config rollout needs config: the settings to give each device, e.g. {\"uploadSeconds\":300}.");
        }

        try
        {
            MessageValidator.Validate(request.Config, "$.config");
            return null;
        }
        catch (ContractViolationException ex)
        {
            return RolloutResult.Invalid(ex.Field ?? "config", ex.Detail);
        }
    }
}
