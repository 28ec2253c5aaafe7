using Thanhhoa.Iot.Cloud.Sites;

namespace Thanhhoa.Iot.Cloud.Dashboard;

/// <summary>Which sites a list or report covers: by district code, kind and (for live lists) state; null means all.</summary>
public sealed record SiteFilter(string? District, SiteKind? Kind, SiteState? State)
{
    public static readonly SiteFilter All = new(null, null, null);

    public bool Matches(Site site)
    {
        ArgumentNullException.ThrowIfNull(site);
        return (District is null || site.DistrictCode == District) && (Kind is null || site.Kind == Kind);
    }

    /// <summary>Parses <c>district</c>, <c>kind</c> (bts | hamlet) and <c>state</c> (mains | battery | generator | down | offline | unmonitored).</summary>
    public static SiteFilter Parse(string? district, string? kind, string? state, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        SiteKind? k = kind?.ToLowerInvariant() switch
        {
            null or "" => null,
            "bts" => SiteKind.Bts,
            "hamlet" => SiteKind.Hamlet,
            _ => Error<SiteKind>(errors, "kind", $"kind '{kind}' is not a site kind; use bts or hamlet."),
        };
        SiteState? s = string.IsNullOrEmpty(state) ? null
            : Enum.TryParse<SiteState>(state, ignoreCase: true, out var parsed) && !int.TryParse(state, out _) ? parsed
            : Error<SiteState>(errors, "state", $"state '{state}' is not a site state; use mains, battery, generator, down, offline or unmonitored.");
        return new SiteFilter(string.IsNullOrWhiteSpace(district) ? null : district.Trim(), k, s);
    }

    private static T? Error<T>(Dictionary<string, string[]> errors, string key, string message)
        where T : struct
    {
        errors[key] = [message];
        return null;
    }
}
