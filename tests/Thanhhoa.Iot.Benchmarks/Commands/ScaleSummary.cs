using System.Globalization;
using Thanhhoa.Iot.LoadHarness;

namespace Thanhhoa.Iot.Benchmarks.Commands;

/// <summary>
/// The closing lines of <c>scale</c>: each shape's readings/s as a ratio to the baseline, and whether a figure is a
/// capacity at all. A shape that took (nearly) everything the fleet offered was not saturated: its figure is the
/// offered load, so a ratio against it compares with the load, not with what that shape could carry. The baseline
/// (mosquitto to a bare subscriber) takes the default 500,000 readings/s whole on the 2-core VM, which is why
/// <c>--baseline-interval</c> can run it a second time under a heavier load to find its capacity in the same run.
/// </summary>
internal sealed class ScaleSummary(double offeredPerSecond)
{
    /// <summary>Above this share of the offered load a shape is taken as not saturated.</summary>
    private const double Saturated = 0.97;

    private readonly List<(string Shape, double PerSecond, double Offered)> _results = [];

    public void Add(string shape, LoadReport report, double? offered = null) =>
        _results.Add((shape, shape.StartsWith("baseline", StringComparison.Ordinal) ? report.SinkPerSecond : report.CloudPerSecond, offered ?? offeredPerSecond));

    public void Print(TextWriter output)
    {
        output.WriteLine(F($"summary: offered {offeredPerSecond:N0} readings/s"));
        var baselines = _results.Where(r => r.Shape.StartsWith("baseline", StringComparison.Ordinal)).ToList();
        foreach (var (shape, perSecond, offered) in _results)
        {
            var ratios = string.Join(", ", baselines.Where(b => b.Shape != shape).Select(b => F($"{perSecond / Math.Max(1, b.PerSecond):F2} x {b.Shape}")));
            var saturated = perSecond >= Saturated * offered
                ? F($"NOT saturated (took {perSecond / offered:P0} of the {offered:N0} offered): not its capacity")
                : F($"saturated ({perSecond / offered:P0} of {offered:N0} offered)");
            output.WriteLine(F($"  {shape}: {perSecond:N0} readings/s, {saturated}{(ratios.Length > 0 ? "; " + ratios : string.Empty)}"));
        }

        if (baselines.Count > 0 && baselines.All(b => b.PerSecond >= Saturated * b.Offered))
        {
            output.WriteLine("  no baseline run was saturated: ratios to it compare with the offered load, not with the bare pipe's capacity " +
                             "(add --baseline-interval 500, or lower, to measure that capacity in the same run)");
        }
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
