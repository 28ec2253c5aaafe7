namespace Thanhhoa.Iot.Cloud.Coordination;

/// <summary>
/// Periodic work that must happen once per period across all cloud nodes (partition maintenance,
/// sweeps, expiry). Register it with <c>services.AddSingletonJob&lt;T&gt;()</c>; <see cref="SingletonJobRunner"/> runs it.
/// </summary>
public interface ISingletonJob
{
    /// <summary>Stable name: the claim key in the lease store (e.g. <c>storage.partitions</c>).</summary>
    string Name { get; }

    /// <summary>Length of one period; at most one node runs the job in each.</summary>
    TimeSpan Interval { get; }

    /// <param name="period">The period this run was claimed for (see <see cref="SingletonJobRunner.PeriodOf"/>).</param>
    Task RunAsync(long period, CancellationToken cancellationToken);
}
