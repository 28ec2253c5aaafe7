namespace Thanhhoa.Iot.Cloud.Rollouts;

/// <summary>Configuration section <c>Rollouts</c>.</summary>
public sealed class RolloutOptions
{
    public const string Section = "Rollouts";

    /// <summary>How often the wave engine runs (once per period across all cloud nodes).</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>stallAfter of a rollout that gives none.</summary>
    public TimeSpan DefaultStallAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Base URL gateways download artifacts from (e.g. <c>https://ioc.example.vn</c>); unset: the cloud's
    /// first listening URL, which is right on one machine and wrong behind a proxy.
    /// </summary>
    public string? PublicBaseUrl { get; set; }
}
