namespace Thanhhoa.Iot.Cloud.Dashboard.Postgres;

/// <summary>
/// How a node under PostgreSQL keeps its live dashboard current with what the other nodes ingested
/// (section <c>Dashboard:Cluster</c>; see <see cref="ClusterLiveView"/>).
/// </summary>
public sealed class ClusterViewOptions
{
    public const string Section = "Dashboard:Cluster";

    /// <summary>How often the node reads what changed in PostgreSQL; also how long the site catalogue is cached.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How far each poll reaches back before the previous one: covers rows committed late (a writer's clock read before
    /// its commit) and clock differences between nodes. Rows seen twice are applied once.
    /// </summary>
    public TimeSpan Overlap { get; set; } = TimeSpan.FromSeconds(10);
}
