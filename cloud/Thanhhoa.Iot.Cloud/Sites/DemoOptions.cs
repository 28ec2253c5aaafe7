using System.ComponentModel.DataAnnotations;

namespace Thanhhoa.Iot.Cloud.Sites;

/// <summary>Demo seeding (section <c>Demo</c>). Off unless <see cref="SeedSites"/> is set.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>How many demo sites to seed at start (0: none). Run <c>thgw simulate --site-prefix</c> with the same prefix.</summary>
    [Range(0, 100_000)]
    public int SeedSites { get; set; }

    /// <summary>Site i gets code prefix + i with four digits (th-0001, ...).</summary>
    [RegularExpression("^[a-z0-9_-]{0,59}$", ErrorMessage = "Demo:SitePrefix may use only a-z, 0-9, '_' and '-' (at most 59 characters), e.g. th-.")]
    public string SitePrefix { get; set; } = "th-";

    /// <summary>Days of made-up past (outages, link losses) to give each demo site, through demo gateways <c>demo-{site}</c>; 0: none.</summary>
    [Range(0, 60)]
    public int HistoryDays { get; set; }

    /// <summary>Same seed, same sites.</summary>
    public int Seed { get; set; } = 38;
}
