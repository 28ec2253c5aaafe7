namespace Thanhhoa.Iot.Cloud.Tests.Security;

/// <summary>
/// One row of the API's role table: an endpoint (its route template as mapped, and a concrete path with
/// <c>{a}</c>/<c>{b}</c> standing for a device at the technician's own site and one at another site), a body,
/// and who may call it. Everybody else gets 401 (no key) or 403.
/// </summary>
public sealed record ApiRule(string Method, string Template, string Path, string? Body, params Caller[] Allowed)
{
    public override string ToString() => $"{Method} {Path}";
}
