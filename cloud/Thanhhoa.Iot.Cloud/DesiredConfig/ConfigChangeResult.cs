namespace Thanhhoa.Iot.Cloud.DesiredConfig;

/// <summary>What a configuration change did: the outcome, a message for a refusal, and how many gateways got a new revision.</summary>
public sealed record ConfigChangeResult(ConfigChange Outcome, string? Field = null, string? Detail = null, int Republished = 0);
