using System.Globalization;

namespace Thanhhoa.Iot.Benchmarks.Commands;

/// <summary>
/// CPU seconds (user + system) used by sets of processes, read from /proc, so a scale run can say where
/// the two cores went: harness, broker, cloud, PostgreSQL.
/// </summary>
internal static class ProcessCpu
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    /// <summary>Processes whose command line contains <paramref name="marker"/>, and their children.</summary>
    public static IReadOnlyList<int> Matching(string marker)
    {
        var roots = new HashSet<int>();
        foreach (var pid in AllPids())
        {
            var cmdline = Read($"/proc/{pid}/cmdline")?.Replace('\0', ' ');
            if (cmdline is not null && cmdline.Contains(marker, StringComparison.Ordinal))
            {
                roots.Add(pid);
            }
        }

        return AllPids().Where(p => roots.Contains(p) || roots.Contains(ParentOf(p))).ToList();
    }

    /// <summary>CPU seconds used so far by <paramref name="pids"/> (processes that are gone count as zero).</summary>
    public static double Seconds(IEnumerable<int> pids) => pids.Sum(Seconds);

    public static double Seconds(int pid)
    {
        var fields = StatFields(pid);
        return fields is null ? 0 : (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    /// <summary>Busy CPU seconds of the whole machine (all processes, ours and others').</summary>
    public static double MachineBusySeconds()
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
        return (cpu.Sum() - cpu[3] - cpu[4]) / TicksPerSecond;
    }

    private static int ParentOf(int pid) => StatFields(pid) is { } f ? int.Parse(f[1], CultureInfo.InvariantCulture) : -1;

    // Fields after "pid (comm)": state is [0], ppid [1], utime [11], stime [12].
    private static string[]? StatFields(int pid)
    {
        var stat = Read($"/proc/{pid}/stat");
        return stat is null ? null : stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    }

    private static IEnumerable<int> AllPids() =>
        Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Where(n => n!.All(char.IsAsciiDigit)).Select(n => int.Parse(n!, CultureInfo.InvariantCulture));

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null; // the process ended
        }
    }
}
