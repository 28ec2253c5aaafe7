namespace Thanhhoa.Iot.Edge.Provisioning;

/// <summary>The cloud's refusal (RFC 7807 problem details with a <c>code</c>).</summary>
public sealed record ProvisionProblem(string? Title, string? Detail, string? Code);
