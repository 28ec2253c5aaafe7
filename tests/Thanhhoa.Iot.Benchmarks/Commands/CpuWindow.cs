using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Thanhhoa.Iot.Benchmarks.Commands;

/// <summary>Cores used by named groups of processes between <see cref="Start"/> and <see cref="Report"/>.</summary>
internal sealed class CpuWindow
{
    private readonly Dictionary<string, Func<IReadOnlyList<int>>> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _start = new(StringComparer.Ordinal);
    private double _machineStart;
    private long _started;

    public CpuWindow Add(string name, Func<IReadOnlyList<int>> pids)
    {
        _groups[name] = pids;
        return this;
    }

    public void Start()
    {
        foreach (var (name, pids) in _groups)
        {
            _start[name] = ProcessCpu.Seconds(pids());
        }

        _machineStart = ProcessCpu.MachineBusySeconds();
        _started = Stopwatch.GetTimestamp();
    }

    public string Report()
    {
        var seconds = Stopwatch.GetElapsedTime(_started).TotalSeconds;
        var text = new StringBuilder("cores used:");
        double ours = 0;
        foreach (var (name, pids) in _groups)
        {
            var used = (ProcessCpu.Seconds(pids()) - _start[name]) / seconds;
            ours += used;
            text.Append(CultureInfo.InvariantCulture, $" {name} {used:F2},");
        }

        var machine = (ProcessCpu.MachineBusySeconds() - _machineStart) / seconds;
        text.Append(CultureInfo.InvariantCulture, $" machine total {machine:F2} (others {Math.Max(0, machine - ours):F2})");
        return text.ToString();
    }
}
