namespace Thanhhoa.Iot.Cloud.Security.Authorization;

/// <summary>Body of <c>POST /api/session</c>: the API key a person typed into the dashboard.</summary>
public sealed record SessionRequest(string? Key)
{
    public override string ToString() => "session request";
}
