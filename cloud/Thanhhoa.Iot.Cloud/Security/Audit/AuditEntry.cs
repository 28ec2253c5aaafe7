namespace Thanhhoa.Iot.Cloud.Security.Audit;

/// <summary>
/// One write to the API: who (<see cref="Actor"/>, e.g. <c>key:abc… 'alice'</c> or <c>token:xyz…</c>),
/// what (<see cref="Method"/> <see cref="Path"/> → <see cref="Status"/>, and a <see cref="Detail"/> the
/// endpoint adds), when. Never holds a secret: paths carry ids only, query strings are not kept.
/// </summary>
public sealed record AuditEntry
{
    public long Id { get; init; }

    public required DateTimeOffset At { get; init; }

    public required string Actor { get; init; }

    public string? Role { get; init; }

    public required string Method { get; init; }

    public required string Path { get; init; }

    public int Status { get; init; }

    public string? Detail { get; init; }

    public string? Remote { get; init; }
}
