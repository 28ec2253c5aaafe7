using Thanhhoa.Iot.Cloud.Security.Authorization;

namespace Thanhhoa.Iot.Cloud.Security.ApiKeys;

/// <summary>A stored API key: who it is for and its role; the key itself exists only as <see cref="Hash"/>.</summary>
public sealed record ApiKey
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required ApiRole Role { get; init; }

    /// <summary>For technicians: the site codes the key may enroll and read.</summary>
    public IReadOnlyList<string> Sites { get; init; } = [];

    public required string Hash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public string? CreatedBy { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    public bool IsActive => RevokedAt is null;

    public override string ToString() => $"API key {Id} '{Name}' ({Role})";
}
