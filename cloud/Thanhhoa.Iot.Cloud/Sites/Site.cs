namespace Thanhhoa.Iot.Cloud.Sites;

/// <summary>
/// A monitored site. <see cref="Code"/> is what gateways send as <c>site</c> in their birth message
/// (a-z, 0-9, '_' or '-'). District and commune use GSO codes and names (danhmuchanhchinh.gso.gov.vn).
/// </summary>
public sealed record Site
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    public SiteKind Kind { get; init; }

    /// <summary>Mobile operators whose equipment the site carries; more than one means a shared site.</summary>
    public IReadOnlyList<string> Operators { get; init; } = [];

    public double Latitude { get; init; }

    public double Longitude { get; init; }

    public required string DistrictCode { get; init; }

    public required string DistrictName { get; init; }

    public string? CommuneCode { get; init; }

    public string? CommuneName { get; init; }

    public bool IsShared => Operators.Count > 1;
}
